"use client";

import { useEffect, useState } from "react";
import { formatDay, formatTime } from "@/components/format";
import { addDays, venueDateOf } from "@/domain/calendar/venue-time";
import type { SheetSlot } from "@/domain/catalog/day-sheet";
import { problemMessage, staffApi } from "../staff-api";
import { CancelSlotDialog } from "./cancel-slot-dialog";
import { BUTTON, placesLeft, SlotRow } from "./slot-row";

// Not BUTTON plus colours: two background and text utilities on one element leave which wins to the stylesheet's order.
const PRESSED = "rounded-lg border border-accent bg-accent px-3 py-1.5 text-sm font-semibold text-white hover:bg-accent-dark";

type Exhibition = { slug: string; title: string; status: string };
type View = "day" | "week";

// The day table's columns; the counts are right-aligned.
const COLUMNS = [["Time", ""], ["Status", ""], ["Capacity", ""], ["Held", "text-right"], ["Sold", "text-right"], ["Checked in", "text-right"], ["Left", "text-right"], ["Actions", ""]] as const;

/** The admins' slot calendar: pick an exhibition and a day, step day by day or see the week, and act on each slot. */
export function SlotsBoard({ exhibitions, today, timeZone }: { exhibitions: Exhibition[]; today: string; timeZone: string }) {
  const [exhibition, setExhibition] = useState(exhibitions[0]?.slug ?? "");
  const [date, setDate] = useState(today);
  const [view, setView] = useState<View>("day");
  const [slots, setSlots] = useState<SheetSlot[]>();
  const [problem, setProblem] = useState<string>();
  const [cancelling, setCancelling] = useState<SheetSlot>();
  const to = view === "day" ? date : addDays(date, 6);

  // Bumped to load the same days again after a cancel.
  const [version, setVersion] = useState(0);

  useEffect(() => {
    if (!exhibition) return;
    let current = true;
    staffApi<{ slots: SheetSlot[] }>(`/api/staff/slots?${new URLSearchParams({ from: date, to, exhibition })}`).then(
      (answer) => {
        if (!current) return;
        setSlots(answer.slots);
        setProblem(undefined);
      },
      (error: unknown) => current && setProblem(problemMessage(error)),
    );
    return () => {
      current = false;
    };
  }, [date, to, exhibition, version]);

  if (exhibitions.length === 0) return <p className="mt-6 text-muted">There are no exhibitions yet.</p>;
  const days = Array.from({ length: 7 }, (_, i) => addDays(date, i));
  return (
    <div className="mt-6">
      <div className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="slots-exhibition" className="block text-sm font-semibold">Exhibition</label>
          <select id="slots-exhibition" value={exhibition} onChange={(event) => setExhibition(event.target.value)} className="mt-1 rounded-lg border border-line bg-white px-3 py-2">
            {exhibitions.map((choice) => (
              <option key={choice.slug} value={choice.slug}>{choice.title}{choice.status === "published" ? "" : ` (${choice.status})`}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="slots-date" className="block text-sm font-semibold">{view === "day" ? "Day" : "Week from"}</label>
          <input id="slots-date" type="date" value={date} onChange={(event) => event.target.value && setDate(event.target.value)} className="mt-1 rounded-lg border border-line bg-white px-3 py-2" />
        </div>
        <div className="flex gap-2">
          <button type="button" className={BUTTON} onClick={() => setDate(addDays(date, view === "day" ? -1 : -7))}>{view === "day" ? "Previous day" : "Previous week"}</button>
          <button type="button" className={BUTTON} onClick={() => setDate(addDays(date, view === "day" ? 1 : 7))}>{view === "day" ? "Next day" : "Next week"}</button>
          <button type="button" className={BUTTON} onClick={() => setDate(today)}>Today</button>
        </div>
        <div role="group" aria-label="View" className="flex gap-1">
          {(["day", "week"] as const).map((choice) => (
            <button key={choice} type="button" aria-pressed={view === choice} className={view === choice ? PRESSED : BUTTON} onClick={() => setView(choice)}>
              {choice === "day" ? "Day" : "Week"}
            </button>
          ))}
        </div>
      </div>

      {problem && <p role="alert" className="mt-4 rounded-lg border border-sold/30 bg-sold/5 px-3 py-2 text-sm text-sold">{problem}</p>}
      <h2 className="mt-6 font-serif text-2xl font-semibold text-ink">{view === "day" ? formatDay(date, "long") : `${formatDay(date)} – ${formatDay(to)}`}</h2>
      {!slots ? (
        <p className="mt-3 text-muted">Loading…</p>
      ) : view === "week" ? (
        <ol className="mt-3 grid grid-cols-7 gap-2" aria-label="Week">
          {days.map((day) => {
            const own = slots.filter((slot) => venueDateOf(new Date(slot.startsAt), timeZone) === day);
            return (
              <li key={day} className="rounded-lg border border-line bg-white p-2 text-xs">
                <button type="button" className="font-semibold text-accent underline-offset-4 hover:underline" onClick={() => { setDate(day); setView("day"); }}>
                  {formatDay(day)}
                </button>
                {own.length === 0 ? <p className="mt-1 text-muted">No slots</p> : (
                  <ul className="mt-1 space-y-0.5">
                    {own.map((slot) => (
                      <li key={slot.id} className={slot.status === "cancelled" ? "text-sold line-through" : slot.status === "closed" ? "text-warn" : ""}>
                        {formatTime(slot.startsAt, timeZone)} · {slot.status === "open" ? `${placesLeft(slot)}/${slot.capacity} left` : slot.status}
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            );
          })}
        </ol>
      ) : slots.length === 0 ? (
        <p className="mt-3 text-muted">No slots this day.</p>
      ) : (
        <div className="mt-3 overflow-x-auto">
          <table className="w-full border-collapse text-sm" data-testid="slots-table">
            <thead>
              <tr className="border-b border-line text-left">
                {COLUMNS.map(([label, align]) => (
                  <th key={label} scope="col" className={`py-2 pr-3 ${align}`}>{label}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {slots.map((slot) => (
                <SlotRow
                  key={`${slot.id} ${slot.capacity} ${slot.status}`}
                  slot={slot}
                  timeZone={timeZone}
                  onChanged={(updated) => setSlots((current) => current?.map((candidate) => (candidate.id === updated.id ? updated : candidate)))}
                  onCancel={setCancelling}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {cancelling && <CancelSlotDialog slot={cancelling} timeZone={timeZone} onClose={() => setCancelling(undefined)} onCancelled={() => setVersion((n) => n + 1)} />}
    </div>
  );
}
