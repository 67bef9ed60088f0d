"use client";

import { useState } from "react";
import { formatTime } from "@/components/format";
import type { SheetSlot } from "@/domain/catalog/day-sheet";
import { problemMessage, staffApi, type StaffApiProblem } from "../staff-api";

export const placesLeft = (slot: SheetSlot) => Math.max(0, slot.capacity - slot.held - slot.sold);
export const BUTTON = "rounded-lg border border-line bg-white px-3 py-1.5 text-sm font-semibold text-ink hover:border-accent disabled:opacity-50";

/** One slot of the day: its counts, its capacity edited in place, closing or reopening its sales, and the way to cancel it. */
export function SlotRow({ slot, timeZone, onChanged, onCancel }: { slot: SheetSlot; timeZone: string; onChanged: (slot: SheetSlot) => void; onCancel: (slot: SheetSlot) => void }) {
  const [capacity, setCapacity] = useState(String(slot.capacity));
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const time = formatTime(slot.startsAt, timeZone);
  const cancelled = slot.status === "cancelled";

  async function change(body: { capacity?: number; status?: "open" | "closed" }) {
    setBusy(true);
    setProblem(undefined);
    try {
      const updated = await staffApi<SheetSlot>(`/api/staff/slots/${slot.id}`, { method: "PATCH", body });
      setCapacity(String(updated.capacity));
      onChanged(updated);
    } catch (error) {
      const taken = (error as StaffApiProblem).details?.taken;
      setProblem(typeof taken === "number" ? `Not below ${taken}: ${problemMessage(error)}` : problemMessage(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <tr className="border-b border-line/60 align-top" data-testid="slot-row" data-slot-id={slot.id}>
      <th scope="row" className="py-2 pr-3 text-left font-semibold">
        {time}
        <span className="block text-xs font-normal text-muted">{slot.exhibition.title}</span>
      </th>
      <td className="py-2 pr-3">
        <span className={cancelled ? "text-sold" : slot.status === "closed" ? "text-warn" : "text-ok"}>{slot.status}</span>
        {slot.cancelReason && <span className="block text-xs text-muted">{slot.cancelReason}</span>}
      </td>
      <td className="py-2 pr-3">
        {cancelled ? (
          slot.capacity
        ) : (
          <form
            className="flex items-center gap-2"
            onSubmit={(event) => {
              event.preventDefault();
              void change({ capacity: Number(capacity) });
            }}
          >
            <label className="sr-only" htmlFor={`capacity-${slot.id}`}>Capacity at {time}</label>
            <input id={`capacity-${slot.id}`} type="number" min={0} max={100000} required value={capacity} onChange={(event) => setCapacity(event.target.value)} className="w-20 rounded-lg border border-line bg-white px-2 py-1 text-right tabular-nums" />
            <button type="submit" className={BUTTON} disabled={busy || capacity === String(slot.capacity)}>Save<span className="sr-only"> capacity at {time}</span></button>
          </form>
        )}
        {problem && <p role="alert" className="mt-1 max-w-xs text-xs text-sold">{problem}</p>}
      </td>
      <td className="py-2 pr-3 text-right tabular-nums">{slot.held}</td>
      <td className="py-2 pr-3 text-right tabular-nums">{slot.sold}</td>
      <td className="py-2 pr-3 text-right tabular-nums">{slot.checkedIn}</td>
      <td className="py-2 pr-3 text-right tabular-nums">{placesLeft(slot)}</td>
      <td className="py-2">
        {!cancelled && (
          <div className="flex flex-wrap gap-2">
            <button type="button" className={BUTTON} disabled={busy} onClick={() => void change({ status: slot.status === "open" ? "closed" : "open" })}>
              {slot.status === "open" ? "Close sales" : "Reopen sales"}<span className="sr-only"> at {time}</span>
            </button>
            <button type="button" className={`${BUTTON} text-sold`} disabled={busy} onClick={() => onCancel(slot)}>
              Cancel slot<span className="sr-only"> at {time}</span>
            </button>
          </div>
        )}
      </td>
    </tr>
  );
}
