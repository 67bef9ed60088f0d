import { sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { outbox } from "../../db/schema";
import { withTransaction, type Ctx } from "../context";
import { DomainError } from "../errors";
import { refundTickets } from "../refunds/refund-tickets";
import { authorize } from "../staff/authorize";
import { deskTickets, lockDeskOrder } from "./desk-order-lock";
import { loadStaffOrder, type StaffOrder } from "./staff-order-view";

export const MAX_REFUND_REASON = 500;
/** The buyer's e-mail saying what the desk refunded; its subject is the first ticket refunded, which is refunded once ever. */
export const DESK_REFUND_MAIL = "desk_refund_mail";
export const DESK_REFUNDED_VOID = "refunded";

export type RefundOrderInput = { orderId: string; ticketIds?: string[]; reason: string };

/**
 * Staff at the desk: refunds some tickets of a paid order, or all its valid ones when none are
 * named (refundTickets: void, places back, money back through the provider by the outbox,
 * audited), and queues the buyer's e-mail. The order is locked first, so a double click waits for
 * the first and then finds the tickets void (409 ticket_void) or the order refunded (409
 * order_not_refundable): the money goes back once.
 */
export async function refundOrder({ ctx, input }: { ctx: Ctx; input: RefundOrderInput }): Promise<StaffOrder> {
  authorize(ctx, "staff");
  const reason = input.reason.trim();
  if (reason.length === 0 || reason.length > MAX_REFUND_REASON) {
    throw new DomainError("invalid_request", `Say why, in 1 to ${MAX_REFUND_REASON} characters.`, { fields: { reason: `must be 1–${MAX_REFUND_REASON} characters` } });
  }
  return withTransaction(ctx, async (tx) => {
    const order = await lockDeskOrder(tx.db, input.orderId);
    if (order.status !== "paid") throw new DomainError("order_not_refundable", `This order is ${order.status.replace("_", " ")}; only a paid order's tickets can be refunded.`);
    const ids = await deskTickets(tx.db, order.id, input.ticketIds);
    await refundTickets({ ctx: tx, input: { orderId: order.id, ticketIds: ids, reason, voidReason: DESK_REFUNDED_VOID } });
    const subjectId = [...ids].sort()[0]!;
    await tx.db.insert(outbox).values({ kind: DESK_REFUND_MAIL, orderId: order.id, subjectId, createdAt: tx.now() });
    return (await loadStaffOrder(tx.db, order.id))!;
  });
}

/** What the desk refunded with the mail's subject ticket: every ticket of that refund, and its amount (from its audit entry). */
export async function deskRefundOf(db: Executor, orderId: string, ticketId: string): Promise<{ ticketIds: string[]; amountMinor: number } | undefined> {
  const { rows } = await db.execute<{ after: { ticketIds: string[]; amountMinor: number } }>(sql`
    SELECT after FROM audit_log WHERE entity_type = 'order' AND entity_id = ${orderId} AND action = 'order.refund' AND after->'ticketIds' ? ${ticketId}
    ORDER BY id DESC LIMIT 1`);
  return rows[0]?.after;
}
