"use client";

import { useState } from "react";
import { formatMoney, formatWhen } from "@/components/format";
import type { StaffOrder } from "@/domain/desk/staff-order-view";
import { fieldDiff } from "../audit/field-diff";
import { BUTTON } from "../slots/slot-row";
import { problemMessage, staffApi } from "../staff-api";
import { TableHead } from "../table-head";
import { MoveDialog } from "./move-dialog";
import { STATUS_WORDS } from "./order-results";
import { RefundDialog } from "./refund-dialog";

const TICKET_WORDS = { valid: "Valid", used: "Used", void: "Void" } as const;
const section = "mt-8 font-serif text-xl font-semibold text-ink";

/**
 * One order at the desk: its tickets (tick some to refund or move just those; none ticked means all
 * valid ones), what was paid and given back, the door's scans, and every staff change to it.
 */
export function OrderDesk({ initial, timeZone }: { initial: StaffOrder; timeZone: string }) {
  const [order, setOrder] = useState(initial);
  const [chosen, setChosen] = useState<string[]>([]);
  const [dialog, setDialog] = useState<"refund" | "move">();
  const [message, setMessage] = useState<{ text: string; ok: boolean }>();
  const when = (iso: string) => formatWhen(iso, timeZone);
  const valid = order.tickets.filter((ticket) => ticket.status === "valid");
  const paid = order.status === "paid";

  const done = (next: StaffOrder, text: string) => {
    setOrder(next);
    setChosen([]);
    setMessage({ text, ok: true });
  };
  async function resend() {
    setMessage(undefined);
    try {
      await staffApi(`/api/staff/orders/${order.id}/resend`, { method: "POST" });
      setMessage({ text: `The confirmation is on its way to ${order.email} again.`, ok: true });
    } catch (error) {
      setMessage({ text: problemMessage(error), ok: false });
    }
  }

  return (
    <div>
      <h1 className="font-serif text-3xl font-semibold text-ink">Order {order.number}</h1>
      <p className="mt-1 text-muted">
        {STATUS_WORDS[order.status]} · {order.name} · <span className="break-all">{order.email}</span>
        {order.phone ? ` · ${order.phone}` : ""} · {formatMoney(order.total)} · booked {when(order.createdAt)}
      </p>
      <div className="mt-4 flex flex-wrap gap-2">
        <button type="button" className={BUTTON} disabled={!paid || valid.length === 0} onClick={() => setDialog("refund")}>
          {chosen.length > 0 ? `Refund ${chosen.length} chosen` : "Refund all"}
        </button>
        <button type="button" className={BUTTON} disabled={!paid || valid.length === 0} onClick={() => setDialog("move")}>
          {chosen.length > 0 ? `Move ${chosen.length} chosen` : "Move all"}
        </button>
        <button type="button" className={BUTTON} disabled={!paid} onClick={() => void resend()}>
          Resend confirmation
        </button>
      </div>
      <div aria-live="polite">
        {message && (
          <p role={message.ok ? "status" : "alert"} className={`mt-3 rounded-lg border px-3 py-2 text-sm ${message.ok ? "border-line bg-white text-ink" : "border-sold/30 bg-sold/5 text-sold"}`}>
            {message.text}
          </p>
        )}
      </div>

      <h2 className={section}>Tickets</h2>
      <table className="mt-2 w-full border-collapse text-sm" data-testid="desk-tickets">
        <TableHead caption="The order's tickets" columns={["Choose", "Code", "Ticket", "Visit", "Status"]} />
        <tbody>
          {order.tickets.map((ticket) => (
            <tr key={ticket.id} className="border-b border-line/60 align-top">
              <td className="py-2 pr-3">
                <input
                  type="checkbox"
                  aria-label={`Choose ticket ${ticket.code}`}
                  className="h-5 w-5"
                  disabled={ticket.status !== "valid" || !paid}
                  checked={chosen.includes(ticket.id)}
                  onChange={(event) => setChosen((now) => (event.target.checked ? [...now, ticket.id] : now.filter((id) => id !== ticket.id)))}
                />
              </td>
              <td className="py-2 pr-3 font-mono">{ticket.code}</td>
              <td className="py-2 pr-3">{ticket.ticketType.name}</td>
              <td className="py-2 pr-3">{ticket.exhibition.title}<div className="text-xs text-muted">{when(ticket.startsAt)}</div></td>
              <td className="py-2 pr-3">
                {TICKET_WORDS[ticket.status]}
                {ticket.voidReason && ` (${ticket.voidReason})`}
                {ticket.checkedInAt && <div className="text-xs text-muted">in at {when(ticket.checkedInAt)}{ticket.gate ? `, ${ticket.gate}` : ""}</div>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2 className={section}>Payments</h2>
      {order.payments.length === 0 ? <p className="mt-2 text-muted">None.</p> : (
        <table className="mt-2 w-full border-collapse text-sm">
          <TableHead caption="Payments captured for the order" columns={["Captured", "Provider", { label: "Amount", align: "right" }, "Status"]} />
          <tbody>
            {order.payments.map((payment) => (
              <tr key={payment.id} className="border-b border-line/60">
                <td className="py-2 pr-3">{when(payment.capturedAt)}</td>
                <td className="py-2 pr-3">{payment.provider}</td>
                <td className="py-2 pr-3 text-right tabular-nums">{payment.amount ? formatMoney(payment.amount) : "—"}</td>
                <td className="py-2 pr-3">{payment.status}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2 className={section}>Refunds</h2>
      {order.refunds.length === 0 ? <p className="mt-2 text-muted">None.</p> : (
        <table className="mt-2 w-full border-collapse text-sm" data-testid="desk-refunds">
          <TableHead caption="Refunds of the order" columns={["Asked", "By", "Reason", { label: "Amount", align: "right" }, "Status"]} />
          <tbody>
            {order.refunds.map((refund) => (
              <tr key={refund.id} className="border-b border-line/60 align-top">
                <td className="py-2 pr-3">{when(refund.createdAt)}</td>
                <td className="break-all py-2 pr-3">{refund.requestedBy ?? "—"}</td>
                <td className="py-2 pr-3">{refund.reason}</td>
                <td className="py-2 pr-3 text-right tabular-nums">{formatMoney(refund.amount)}</td>
                <td className="py-2 pr-3">{refund.status}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2 className={section}>Check-ins</h2>
      {order.checkIns.length === 0 ? <p className="mt-2 text-muted">No scans yet.</p> : (
        <table className="mt-2 w-full border-collapse text-sm">
          <TableHead caption="Scans of the order's tickets at the door" columns={["Scanned", "Ticket", "Result", "Gate", "By"]} />
          <tbody>
            {order.checkIns.map((scan) => (
              <tr key={scan.id} className="border-b border-line/60">
                <td className="py-2 pr-3">{when(scan.scannedAt)}</td>
                <td className="py-2 pr-3 font-mono">{scan.code}</td>
                <td className="py-2 pr-3">{scan.result}{scan.undone ? " (undone)" : ""}</td>
                <td className="py-2 pr-3">{scan.gate ?? "—"}</td>
                <td className="break-all py-2 pr-3">{scan.staff ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2 className={section}>Audit trail</h2>
      {order.audit.length === 0 ? <p className="mt-2 text-muted">No staff change yet.</p> : (
        <table className="mt-2 w-full border-collapse text-sm" data-testid="desk-audit">
          <TableHead caption="Staff changes to the order and its tickets, newest first" columns={["When", "Who", "What", "Before → after"]} />
          <tbody>
            {order.audit.map((entry) => (
              <tr key={entry.id} className="border-b border-line/60 align-top">
                <td className="py-2 pr-3 whitespace-nowrap">{when(entry.at)}</td>
                <td className="break-all py-2 pr-3">{entry.actor}</td>
                <td className="py-2 pr-3 font-mono">{entry.action}</td>
                <td className="py-2">
                  <ul className="space-y-1">
                    {fieldDiff(entry.before, entry.after).map((change) => (
                      <li key={change.field}><span className="font-semibold">{change.field}</span>: <span className="break-all text-muted">{change.before}</span> → <span className="break-all text-ink">{change.after}</span></li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {dialog === "refund" && <RefundDialog order={order} ticketIds={chosen} onClose={() => setDialog(undefined)} onDone={done} />}
      {dialog === "move" && <MoveDialog order={order} ticketIds={chosen} timeZone={timeZone} onClose={() => setDialog(undefined)} onDone={done} />}
    </div>
  );
}
