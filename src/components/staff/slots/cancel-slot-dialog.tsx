"use client";

import { useEffect, useRef, useState } from "react";
import { formatDay, formatTime } from "@/components/format";
import { addDays, venueDateOf } from "@/domain/calendar/venue-time";
import type { SheetSlot } from "@/domain/catalog/day-sheet";
import type { CancelledOrder } from "@/domain/slots/cancel-slot";
import { problemMessage, staffApi } from "../staff-api";
import { BUTTON, placesLeft } from "./slot-row";

const TARGET_DAYS = 7;
const OUTCOME_WORDS: Record<CancelledOrder["outcome"], string> = { moved: "tickets moved", refunded: "refunded", cancelled: "unpaid, cancelled" };

/**
 * Cancelling a slot, in a native modal <dialog> (focus stays inside, Escape closes): a reason,
 * and either a slot of the same exhibition to move the visitors to or a refund; then what became
 * of each order.
 */
export function CancelSlotDialog({ slot, timeZone, onClose, onCancelled }: { slot: SheetSlot; timeZone: string; onClose: () => void; onCancelled: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [targets, setTargets] = useState<SheetSlot[]>();
  const [reason, setReason] = useState("");
  const [mode, setMode] = useState<"move" | "refund">("move");
  const [moveTo, setMoveTo] = useState("");
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const [outcomes, setOutcomes] = useState<CancelledOrder[]>();
  const day = venueDateOf(new Date(slot.startsAt), timeZone);

  useEffect(() => {
    dialog.current?.showModal();
    const query = new URLSearchParams({ from: day, to: addDays(day, TARGET_DAYS - 1), exhibition: slot.exhibition.slug });
    staffApi<{ slots: SheetSlot[] }>(`/api/staff/slots?${query}`)
      .then(({ slots }) => {
        const open = slots.filter((candidate) => candidate.id !== slot.id && candidate.status === "open" && Date.parse(candidate.startsAt) > Date.now() && placesLeft(candidate) > 0);
        setTargets(open);
        setMoveTo(open[0]?.id ?? "");
        if (open.length === 0) setMode("refund");
      })
      .catch((error: unknown) => setProblem(problemMessage(error)));
  }, [day, slot.exhibition.slug, slot.id]);

  async function submit() {
    setBusy(true);
    setProblem(undefined);
    try {
      const answer = await staffApi<{ orders: CancelledOrder[] }>(`/api/staff/slots/${slot.id}/cancel`, { method: "POST", body: { reason, ...(mode === "move" && moveTo ? { moveTo } : {}) } });
      setOutcomes(answer.orders);
      onCancelled();
    } catch (error) {
      setProblem(problemMessage(error));
    } finally {
      setBusy(false);
    }
  }

  const title = `Cancel ${slot.exhibition.title}, ${formatDay(day)} ${formatTime(slot.startsAt, timeZone)}`;
  return (
    <dialog ref={dialog} aria-labelledby="cancel-slot-title" onClose={onClose} className="m-auto w-full max-w-lg rounded-xl border border-line bg-paper p-6 text-ink backdrop:bg-ink/40">
      <h2 id="cancel-slot-title" className="font-serif text-2xl font-semibold">{title}</h2>
      {outcomes ? (
        <div>
          <p className="mt-3" role="status">The slot is cancelled. {outcomes.length === 0 ? "No order had tickets for it." : "Every buyer is being e-mailed."}</p>
          {outcomes.length > 0 && (
            <ul className="mt-3 space-y-1 text-sm" data-testid="cancel-outcomes">
              {outcomes.map((order) => (
                <li key={order.id}>Order {order.number}: {OUTCOME_WORDS[order.outcome]}</li>
              ))}
            </ul>
          )}
          <div className="mt-6 flex justify-end">
            <button type="button" className={BUTTON} onClick={() => dialog.current?.close()} autoFocus>Close</button>
          </div>
        </div>
      ) : (
        <form
          className="mt-4 space-y-4"
          onSubmit={(event) => {
            event.preventDefault();
            void submit();
          }}
        >
          <p className="text-sm text-muted">
            {slot.sold} sold, {slot.held} held. Carts and unpaid orders for it are cancelled; paid tickets are moved or refunded.
          </p>
          <div>
            <label htmlFor="cancel-reason" className="block text-sm font-semibold">Reason (told to the buyers)</label>
            <textarea id="cancel-reason" required maxLength={500} value={reason} onChange={(event) => setReason(event.target.value)} className="mt-1 w-full rounded-lg border border-line bg-white px-3 py-2" rows={2} />
          </div>
          <fieldset>
            <legend className="text-sm font-semibold">Paid tickets</legend>
            <label className="mt-2 flex items-center gap-2">
              <input type="radio" name="cancel-mode" value="move" checked={mode === "move"} disabled={!targets?.length} onChange={() => setMode("move")} />
              Move them to another slot
            </label>
            {mode === "move" && (
              <div className="ml-6 mt-2">
                <label htmlFor="cancel-move-to" className="block text-sm">Move to</label>
                <select id="cancel-move-to" value={moveTo} onChange={(event) => setMoveTo(event.target.value)} className="mt-1 w-full rounded-lg border border-line bg-white px-3 py-2" disabled={!targets}>
                  {targets?.map((target) => (
                    <option key={target.id} value={target.id}>
                      {formatDay(venueDateOf(new Date(target.startsAt), timeZone))} {formatTime(target.startsAt, timeZone)} — {placesLeft(target)} left
                    </option>
                  ))}
                </select>
                <p className="mt-1 text-xs text-muted">An order that does not fit there is refunded instead.</p>
              </div>
            )}
            <label className="mt-2 flex items-center gap-2">
              <input type="radio" name="cancel-mode" value="refund" checked={mode === "refund"} onChange={() => setMode("refund")} />
              Refund them
            </label>
          </fieldset>
          {problem && <p role="alert" className="rounded-lg border border-sold/30 bg-sold/5 px-3 py-2 text-sm text-sold">{problem}</p>}
          <div className="flex justify-end gap-2">
            <button type="button" className={BUTTON} onClick={() => dialog.current?.close()}>Keep the slot</button>
            <button type="submit" className="rounded-lg bg-sold px-4 py-2 text-sm font-semibold text-white disabled:opacity-50" disabled={busy || (mode === "move" && !moveTo)}>
              Cancel the slot
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}
