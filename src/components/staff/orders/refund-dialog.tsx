"use client";

import { useEffect, useRef, useState } from "react";
import type { StaffOrder } from "@/domain/desk/staff-order-view";
import { problemMessage, staffApi } from "../staff-api";
import { BUTTON } from "../slots/slot-row";

/** Refunding the chosen tickets (or every valid one), in a native modal <dialog>: a reason, then the order as it is now. */
export function RefundDialog({ order, ticketIds, onClose, onDone }: { order: StaffOrder; ticketIds: string[]; onClose: () => void; onDone: (order: StaffOrder, message: string) => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [reason, setReason] = useState("");
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  useEffect(() => dialog.current?.showModal(), []);
  const count = ticketIds.length || order.tickets.filter((ticket) => ticket.status === "valid").length;

  async function submit() {
    setBusy(true);
    setProblem(undefined);
    try {
      const answer = await staffApi<{ order: StaffOrder }>(`/api/staff/orders/${order.id}/refund`, { method: "POST", body: { reason, ...(ticketIds.length > 0 ? { ticketIds } : {}) } });
      onDone(answer.order, `Refunded ${count} ticket${count === 1 ? "" : "s"}; the money goes back through the provider and ${order.name} is being e-mailed.`);
      dialog.current?.close();
    } catch (error) {
      setProblem(problemMessage(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <dialog ref={dialog} aria-labelledby="refund-title" onClose={onClose} className="m-auto w-full max-w-lg rounded-xl border border-line bg-paper p-6 text-ink backdrop:bg-ink/40">
      <h2 id="refund-title" className="font-serif text-2xl font-semibold">Refund {count} ticket{count === 1 ? "" : "s"} of order {order.number}</h2>
      <form
        className="mt-4 space-y-4"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <p className="text-sm text-muted">The tickets stop admitting at once, their places go back on sale, and the buyer is e-mailed.</p>
        <div>
          <label htmlFor="refund-reason" className="block text-sm font-semibold">Reason (kept with the refund)</label>
          <textarea id="refund-reason" required maxLength={500} value={reason} onChange={(event) => setReason(event.target.value)} className="mt-1 w-full rounded-lg border border-line bg-white px-3 py-2" rows={2} />
        </div>
        {problem && <p role="alert" className="rounded-lg border border-sold/30 bg-sold/5 px-3 py-2 text-sm text-sold">{problem}</p>}
        <div className="flex justify-end gap-2">
          <button type="button" className={BUTTON} onClick={() => dialog.current?.close()}>Keep the tickets</button>
          <button type="submit" className="rounded-lg bg-sold px-4 py-2 text-sm font-semibold text-white disabled:opacity-50" disabled={busy || reason.trim() === ""}>
            Refund
          </button>
        </div>
      </form>
    </dialog>
  );
}
