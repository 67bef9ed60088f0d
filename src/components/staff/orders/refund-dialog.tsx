"use client";

import { useState } from "react";
import type { StaffOrder } from "@/domain/desk/staff-order-view";
import { staffApi } from "../staff-api";
import { DeskDialog } from "./desk-dialog";

/** Refunding the chosen tickets (or every valid one): a reason, then the order as it is now. */
export function RefundDialog({ order, ticketIds, onClose, onDone }: { order: StaffOrder; ticketIds: string[]; onClose: () => void; onDone: (order: StaffOrder, message: string) => void }) {
  const [reason, setReason] = useState("");
  const count = ticketIds.length || order.tickets.filter((ticket) => ticket.status === "valid").length;
  const tickets = `${count} ticket${count === 1 ? "" : "s"}`;

  async function refund() {
    const answer = await staffApi<{ order: StaffOrder }>(`/api/staff/orders/${order.id}/refund`, { method: "POST", body: { reason, ...(ticketIds.length > 0 ? { ticketIds } : {}) } });
    onDone(answer.order, `Refunded ${tickets}; the money goes back through the provider and ${order.name} is being e-mailed.`);
  }

  return (
    <DeskDialog
      name="refund"
      title={`Refund ${tickets} of order ${order.number}`}
      about="The tickets stop admitting at once, their places go back on sale, and the buyer is e-mailed."
      submit="Refund"
      keep="Keep the tickets"
      tone="danger"
      ready={reason.trim() !== ""}
      act={refund}
      onClose={onClose}
    >
      <div>
        <label htmlFor="refund-reason" className="block text-sm font-semibold">Reason (kept with the refund)</label>
        <textarea id="refund-reason" required maxLength={500} value={reason} onChange={(event) => setReason(event.target.value)} className="mt-1 w-full rounded-lg border border-line bg-white px-3 py-2" rows={2} />
      </div>
    </DeskDialog>
  );
}
