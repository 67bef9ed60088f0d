"use client";

import { useEffect, useRef, useState } from "react";
import { formatDay, formatTime } from "@/components/format";
import { venueDateOf } from "@/domain/calendar/venue-time";
import type { StaffOrder } from "@/domain/desk/staff-order-view";
import { problemMessage, staffApi } from "../staff-api";
import { BUTTON } from "../slots/slot-row";

type Slot = { id: string; startsAt: string; available: number; status: string };

/**
 * Moving the chosen tickets (or every valid one) to another time of the same exhibition, in a
 * native modal <dialog>: the exhibition's coming slots with room for them, from the public listing.
 */
export function MoveDialog({ order, ticketIds, timeZone, onClose, onDone }: { order: StaffOrder; ticketIds: string[]; timeZone: string; onClose: () => void; onDone: (order: StaffOrder, message: string) => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const moving = order.tickets.filter((ticket) => ticket.status === "valid" && (ticketIds.length === 0 || ticketIds.includes(ticket.id)));
  const slug = moving[0]?.exhibition.slug;
  const from = new Set(moving.map((ticket) => ticket.slotId));
  const [targets, setTargets] = useState<Slot[]>();
  const [toSlotId, setToSlotId] = useState("");
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();

  useEffect(() => {
    dialog.current?.showModal();
    if (!slug) return;
    staffApi<{ slots: Slot[] }>(`/api/exhibitions/${slug}/slots`)
      .then(({ slots }) => {
        const fitting = slots.filter((slot) => !from.has(slot.id) && slot.available >= moving.length && Date.parse(slot.startsAt) > Date.now());
        setTargets(fitting);
        setToSlotId(fitting[0]?.id ?? "");
      })
      .catch((error: unknown) => setProblem(problemMessage(error)));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the choice is fixed while the dialog is open
  }, [slug]);

  async function submit() {
    setBusy(true);
    setProblem(undefined);
    try {
      const answer = await staffApi<{ order: StaffOrder }>(`/api/staff/orders/${order.id}/move`, { method: "POST", body: { toSlotId, ...(ticketIds.length > 0 ? { ticketIds } : {}) } });
      const to = targets?.find((slot) => slot.id === toSlotId);
      onDone(answer.order, `Moved ${moving.length} ticket${moving.length === 1 ? "" : "s"}${to ? ` to ${formatDay(venueDateOf(new Date(to.startsAt), timeZone))} ${formatTime(to.startsAt, timeZone)}` : ""}, with new codes; ${order.name} is being e-mailed the new tickets.`);
      dialog.current?.close();
    } catch (error) {
      setProblem(problemMessage(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <dialog ref={dialog} aria-labelledby="move-title" onClose={onClose} className="m-auto w-full max-w-lg rounded-xl border border-line bg-paper p-6 text-ink backdrop:bg-ink/40">
      <h2 id="move-title" className="font-serif text-2xl font-semibold">Move {moving.length} ticket{moving.length === 1 ? "" : "s"} of order {order.number}</h2>
      <form
        className="mt-4 space-y-4"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <p className="text-sm text-muted">The moved tickets get new codes; the old ones stop admitting.</p>
        <div>
          <label htmlFor="move-to" className="block text-sm font-semibold">Move to</label>
          <select id="move-to" value={toSlotId} onChange={(event) => setToSlotId(event.target.value)} className="mt-1 w-full rounded-lg border border-line bg-white px-3 py-2" disabled={!targets?.length}>
            {targets?.map((slot) => (
              <option key={slot.id} value={slot.id}>
                {formatDay(venueDateOf(new Date(slot.startsAt), timeZone))} {formatTime(slot.startsAt, timeZone)} — {slot.available} left
              </option>
            ))}
          </select>
          {targets?.length === 0 && <p className="mt-1 text-sm text-muted">No coming slot of this exhibition has room for them.</p>}
        </div>
        {problem && <p role="alert" className="rounded-lg border border-sold/30 bg-sold/5 px-3 py-2 text-sm text-sold">{problem}</p>}
        <div className="flex justify-end gap-2">
          <button type="button" className={BUTTON} onClick={() => dialog.current?.close()}>Keep the time</button>
          <button type="submit" className="rounded-lg bg-accent px-4 py-2 text-sm font-semibold text-white disabled:opacity-50" disabled={busy || !toSlotId}>
            Move
          </button>
        </div>
      </form>
    </dialog>
  );
}
