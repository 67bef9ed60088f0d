import { sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { loadOrder, type Order, type TicketView } from "../checkout/order-view";
import type { Ctx } from "../context";
import { DomainError } from "../errors";
import { money, type Money } from "../money";
import { authorize } from "../staff/authorize";
import { isUuid } from "../uuid";

// An order's trail is short (a few changes and scans); the cap keeps a pathological one from making the page huge.
const MAX_TRAIL = 200;

export type StaffTicket = TicketView & { checkedInAt: string | null; gate: string | null; voidReason: string | null };
export type StaffOrder = Omit<Order, "tickets"> & {
  createdAt: string;
  tickets: StaffTicket[];
  payments: { id: string; provider: string; amount: Money | null; status: string; capturedAt: string; refundedAt: string | null }[];
  refunds: { id: string; amount: Money; reason: string; status: string; requestedBy: string | null; createdAt: string; doneAt: string | null }[];
  checkIns: { id: string; ticketId: string | null; code: string | null; result: string; gate: string | null; source: string; scannedAt: string; staff: string | null; undone: boolean }[];
  audit: { id: string; at: string; actor: string; action: string; entityType: string; entityId: string; before: unknown; after: unknown }[];
};

export const notAnOrder = () => new DomainError("not_found", "There is no such order.");

const iso = (value: string | Date | null) => (value === null ? null : new Date(value).toISOString());

/** An order as the service desk sees it: the buyer's view, with each ticket's door state, and its payments, refunds, scans and audit trail. */
export async function loadStaffOrder(db: Executor, orderId: string): Promise<StaffOrder | undefined> {
  const order = await loadOrder(db, orderId);
  if (!order) return undefined;
  const { rows: heads } = await db.execute<{ created_at: string }>(sql`SELECT created_at FROM orders WHERE id = ${orderId}`);
  const { rows: ticketRows } = await db.execute<{ id: string; checked_in_at: string | null; checked_in_gate: string | null; void_reason: string | null }>(
    sql`SELECT id, checked_in_at, checked_in_gate, void_reason FROM tickets WHERE order_id = ${orderId}`,
  );
  const { rows: paymentRows } = await db.execute<{ id: string; provider: string; amount_minor: number | null; currency: string | null; status: string; captured_at: string; refunded_at: string | null }>(
    sql`SELECT id, provider, amount_minor, currency, status, captured_at, refunded_at FROM payments WHERE order_id = ${orderId} ORDER BY captured_at`,
  );
  const { rows: refundRows } = await db.execute<{ id: string; amount_minor: number; currency: string; reason: string; status: string; email: string | null; created_at: string; done_at: string | null }>(sql`
    SELECT r.id, r.amount_minor, r.currency, r.reason, r.status, u.email, r.created_at, r.done_at
    FROM refunds r LEFT JOIN "user" u ON u.id = r.requested_by WHERE r.order_id = ${orderId} ORDER BY r.created_at, r.id`);
  const { rows: scanRows } = await db.execute<{ id: string; ticket_id: string | null; code: string | null; result: string; gate: string | null; source: string; scanned_at: string; email: string | null; undone_at: string | null }>(sql`
    SELECT c.id::text, c.ticket_id, t.code, c.result, c.gate, c.source, c.scanned_at, u.email, c.undone_at
    FROM check_ins c JOIN tickets t ON t.id = c.ticket_id LEFT JOIN "user" u ON u.id = c.staff_user_id
    WHERE t.order_id = ${orderId} ORDER BY c.scanned_at, c.id LIMIT ${MAX_TRAIL}`);
  // By (entity_type, entity_id), as the audit_log_entity index is keyed.
  const entities = [sql`('order', ${orderId})`, ...ticketRows.map((ticket) => sql`('ticket', ${ticket.id})`)];
  const { rows: auditRows } = await db.execute<{ id: string; at: string; actor_email: string; action: string; entity_type: string; entity_id: string; before: unknown; after: unknown }>(sql`
    SELECT id::text, at, actor_email, action, entity_type, entity_id, before, after FROM audit_log
    WHERE (entity_type, entity_id) IN (${sql.join(entities, sql`, `)}) ORDER BY id DESC LIMIT ${MAX_TRAIL}`);

  const doorState = new Map(ticketRows.map((row) => [row.id, row]));
  return {
    ...order,
    createdAt: iso(heads[0]!.created_at)!,
    tickets: order.tickets.map((ticket) => {
      const state = doorState.get(ticket.id);
      return { ...ticket, checkedInAt: iso(state?.checked_in_at ?? null), gate: state?.checked_in_gate ?? null, voidReason: state?.void_reason ?? null };
    }),
    payments: paymentRows.map((row) => ({
      id: row.id,
      provider: row.provider,
      amount: row.amount_minor !== null && row.currency ? money(row.amount_minor, row.currency.toUpperCase()) : null,
      status: row.status,
      capturedAt: iso(row.captured_at)!,
      refundedAt: iso(row.refunded_at),
    })),
    refunds: refundRows.map((row) => ({ id: row.id, amount: money(row.amount_minor, row.currency), reason: row.reason, status: row.status, requestedBy: row.email, createdAt: iso(row.created_at)!, doneAt: iso(row.done_at) })),
    checkIns: scanRows.map((row) => ({ id: row.id, ticketId: row.ticket_id, code: row.code, result: row.result, gate: row.gate, source: row.source, scannedAt: iso(row.scanned_at)!, staff: row.email, undone: row.undone_at !== null })),
    audit: auditRows.map((row) => ({ id: row.id, at: iso(row.at)!, actor: row.actor_email, action: row.action, entityType: row.entity_type, entityId: row.entity_id, before: row.before, after: row.after })),
  };
}

/** Staff: one order with everything the desk shows; 404 for an id that is not an order's. */
export async function staffOrder({ ctx, input }: { ctx: Ctx; input: { orderId: string } }): Promise<StaffOrder> {
  authorize(ctx, "staff");
  if (!isUuid(input.orderId)) throw notAnOrder();
  const order = await loadStaffOrder(ctx.db, input.orderId);
  if (!order) throw notAnOrder();
  return order;
}
