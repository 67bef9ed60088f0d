import { and, asc, eq, inArray, ne, sql } from "drizzle-orm";
import { orderItems, orders, outbox, payments, refunds, tickets } from "../../db/schema";
import { lockSlots } from "../availability/holds";
import { withTransaction, type Ctx } from "../context";
import { DomainError } from "../errors";
import { audit } from "../staff/audit";
import { authorize } from "../staff/authorize";

/** The outbox job that returns a `refunds` row's money through the provider, keyed by the row (invariant 11). */
export const TICKET_REFUND_JOB = "ticket_refund";

export type RefundTicketsInput = {
  orderId: string;
  ticketIds: string[];
  /** Why, for the refunds row (and the people who read it). */
  reason: string;
  /** Why, on each ticket: "slot cancelled", "refunded". */
  voidReason: string;
};

export type TicketsRefunded = { amountMinor: number; refundId: string | null; orderRefunded: boolean };

/**
 * Gives back some valid tickets of a paid order, all or none: they become void, their places go
 * back to their slots, and their money (their unit prices) becomes a `refunds` row with an outbox
 * job that returns it through the provider the order was paid with, after the commit. An order
 * with no ticket left that is not void is `refunded`; one with some left stays `paid`. An order
 * with no payment to give the money back to is refused (409 order_not_refundable) rather than
 * given a refund no money follows. Audited here, so every caller is; no mail: the caller says why
 * to the buyer.
 */
export async function refundTickets({ ctx, input }: { ctx: Ctx; input: RefundTicketsInput }): Promise<TicketsRefunded> {
  const actor = authorize(ctx, "staff");
  const ids = [...new Set(input.ticketIds)];
  if (ids.length === 0) throw new DomainError("invalid_request", "Name at least one ticket to refund.", { fields: { ticketIds: "must name at least one ticket" } });
  return withTransaction(ctx, async ({ db }) => {
    const now = ctx.now();
    const { rows } = await db.execute<{ status: string; currency: string }>(sql`SELECT status, currency FROM orders WHERE id = ${input.orderId} FOR UPDATE`);
    const order = rows[0];
    if (!order) throw new DomainError("not_found", "There is no such order.");
    if (order.status !== "paid") throw new DomainError("order_not_refundable", `This order is ${order.status.replace("_", " ")}; only a paid order's tickets can be refunded.`);

    const slots = await db.selectDistinct({ slotId: orderItems.slotId }).from(tickets).innerJoin(orderItems, eq(orderItems.id, tickets.orderItemId)).where(and(eq(tickets.orderId, input.orderId), inArray(tickets.id, ids)));
    await lockSlots(db, slots.map((slot) => slot.slotId));
    const voided = await db.execute<{ slot_id: string; consumes_capacity: boolean; unit_price_minor: number }>(sql`
      UPDATE tickets t SET status = 'void', voided_at = ${now}, void_reason = ${input.voidReason}
      FROM order_items oi
      WHERE oi.id = t.order_item_id AND t.order_id = ${input.orderId} AND t.id IN ${ids} AND t.status = 'valid'
      RETURNING oi.slot_id, oi.consumes_capacity, oi.unit_price_minor`);
    if (voided.rows.length !== ids.length) throw new DomainError("ticket_void", "Some of these tickets are not valid any more (used, void, or of another order); nothing was refunded.");

    const places = new Map<string, number>();
    for (const ticket of voided.rows) if (ticket.consumes_capacity) places.set(ticket.slot_id, (places.get(ticket.slot_id) ?? 0) + 1);
    for (const [slotId, count] of [...places].sort(([a], [b]) => a.localeCompare(b))) await db.execute(sql`UPDATE time_slots SET sold = sold - ${count} WHERE id = ${slotId}`);

    const amountMinor = voided.rows.reduce((sum, ticket) => sum + ticket.unit_price_minor, 0);
    let refundId: string | null = null;
    if (amountMinor > 0) {
      const [payment] = await db.select({ id: payments.id }).from(payments).where(and(eq(payments.orderId, input.orderId), eq(payments.status, "applied"))).orderBy(asc(payments.capturedAt)).limit(1);
      if (!payment) throw new DomainError("order_not_refundable", "This order has no payment its money could go back to; nothing was refunded.");
      const [refund] = await db
        .insert(refunds)
        .values({ orderId: input.orderId, paymentId: payment.id, amountMinor, currency: order.currency, reason: input.reason, requestedBy: actor.userId, createdAt: now })
        .returning({ id: refunds.id });
      refundId = refund!.id;
      await db.insert(outbox).values({ kind: TICKET_REFUND_JOB, orderId: input.orderId, subjectId: refundId, createdAt: now });
    }

    const [kept] = await db.select({ id: tickets.id }).from(tickets).where(and(eq(tickets.orderId, input.orderId), ne(tickets.status, "void"))).limit(1);
    if (!kept) await db.update(orders).set({ status: "refunded", refundedAt: now }).where(eq(orders.id, input.orderId));
    await audit({ ...ctx, db }, actor, {
      action: "order.refund",
      entityType: "order",
      entityId: input.orderId,
      before: { status: order.status },
      after: { status: kept ? "paid" : "refunded", ticketIds: ids, amountMinor, refundId, reason: input.reason },
    });
    return { amountMinor, refundId, orderRefunded: !kept };
  });
}
