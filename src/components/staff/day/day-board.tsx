"use client";

import { useEffect, useState } from "react";
import { formatDay, formatTime } from "@/components/format";
import type { SheetSlot } from "@/domain/catalog/day-sheet";
import { placesLeft } from "../slots/slot-row";
import { TableHead } from "../table-head";

type Connection = "connecting" | "live" | "reconnecting" | "stopped";

const CONNECTION: Record<Connection, { text: string; tone: string }> = {
  connecting: { text: "Connecting…", tone: "text-muted" },
  live: { text: "Live", tone: "text-ok" },
  reconnecting: { text: "Reconnecting…", tone: "text-warn" },
  stopped: { text: "Not live: reload the page", tone: "text-sold" },
};

const count = (label: string) => ({ label, align: "right" as const });
const COLUMNS = ["Time", "Exhibition", count("Capacity"), count("Sold"), count("Checked in"), count("Still to come"), count("Places left for walk-ups"), "Status"];

const byStart = (a: SheetSlot, b: SheetSlot) => a.startsAt.localeCompare(b.startsAt) || a.exhibition.title.localeCompare(b.exhibition.title);
const toCome = (slot: SheetSlot) => Math.max(0, slot.sold - slot.checkedIn);
// A cancelled slot takes no one at the door, whatever its counts say.
const walkUps = (slot: SheetSlot) => (slot.status === "cancelled" ? 0 : placesLeft(slot));
const sum = (slots: SheetSlot[], of: (slot: SheetSlot) => number) => slots.reduce((total, slot) => total + of(slot), 0);

/** The day's slots as the server rendered them, then as the event stream says they are now; the stream reconnects by itself. */
export function DayBoard({ date, timeZone, initial }: { date: string; timeZone: string; initial: SheetSlot[] }) {
  const [slots, setSlots] = useState(initial);
  const [connection, setConnection] = useState<Connection>("connecting");

  useEffect(() => {
    const source = new EventSource(`/api/events?staffDay=${date}`);
    source.onopen = () => setConnection("live");
    // The browser tries again by itself unless the server refused the stream (signed out, too many open).
    source.onerror = () => setConnection(source.readyState === EventSource.CLOSED ? "stopped" : "reconnecting");
    source.addEventListener("slot", (event) => {
      const slot = JSON.parse((event as MessageEvent<string>).data) as SheetSlot;
      setSlots((current) => [...current.filter((other) => other.id !== slot.id), slot].sort(byStart));
    });
    return () => source.close();
  }, [date]);

  const totals = { capacity: sum(slots, (slot) => slot.capacity), sold: sum(slots, (slot) => slot.sold), checkedIn: sum(slots, (slot) => slot.checkedIn), toCome: sum(slots, toCome), walkUps: sum(slots, walkUps) };
  const state = CONNECTION[connection];
  return (
    <section aria-labelledby="day-board-heading" className="mt-6">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h2 id="day-board-heading" className="font-serif text-2xl font-semibold text-ink">{formatDay(date, "long")}</h2>
        <p className={`text-sm font-semibold ${state.tone}`} data-testid="day-board-connection">{state.text}</p>
      </div>
      <p aria-live="polite" className="mt-2 text-sm text-ink" data-testid="day-board-summary">
        {slots.length === 0
          ? "No slots this day."
          : `${totals.sold} sold, ${totals.checkedIn} checked in, ${totals.toCome} still to come, ${totals.walkUps} places left for walk-ups.`}
      </p>
      {slots.length > 0 && (
        <div className="mt-3 overflow-x-auto">
          <table className="w-full border-collapse text-sm" data-testid="day-board">
            <TableHead caption={`Slots of ${formatDay(date, "long")} with their counts`} columns={COLUMNS} />
            <tbody>
              {slots.map((slot) => (
                <tr key={slot.id} data-slot-id={slot.id} className="border-b border-line/60">
                  <th scope="row" className="py-2 pr-3 text-left font-normal">{formatTime(slot.startsAt, timeZone)}</th>
                  <td className="py-2 pr-3">{slot.exhibition.title}</td>
                  <td className="py-2 pr-3 text-right">{slot.capacity}</td>
                  <td className="py-2 pr-3 text-right">{slot.sold}</td>
                  <td className="py-2 pr-3 text-right" data-testid="checked-in">{slot.checkedIn}</td>
                  <td className="py-2 pr-3 text-right">{toCome(slot)}</td>
                  <td className="py-2 pr-3 text-right">{walkUps(slot)}</td>
                  <td className={`py-2 pr-3 ${slot.status === "open" ? "" : "font-semibold text-warn"}`}>{slot.status}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr className="font-semibold">
                <th scope="row" colSpan={2} className="py-2 pr-3 text-left">Day</th>
                <td className="py-2 pr-3 text-right">{totals.capacity}</td>
                <td className="py-2 pr-3 text-right">{totals.sold}</td>
                <td className="py-2 pr-3 text-right">{totals.checkedIn}</td>
                <td className="py-2 pr-3 text-right">{totals.toCome}</td>
                <td className="py-2 pr-3 text-right">{totals.walkUps}</td>
                <td />
              </tr>
            </tfoot>
          </table>
        </div>
      )}
    </section>
  );
}
