import { eq, is, sql, TransactionRollbackError } from "drizzle-orm";
import { orderItems, orders, outbox, paymentEvents, tickets } from "../../db/schema";
import { withTransaction, type Ctx } from "../context";
import { newTicketCode } from "../tickets/ticket-code";
import { lockOrderPlaces } from "./order-places";

/** A provider's webhook event, checked and put in our terms. */
export type PaymentEvent = {
  provider: string;
  eventId: string;
  type: "paid" | "failed" | "other";
  orderId?: string;
  paymentRef?: string;
  amountMinor?: number;
  payload: unknown;
};

export type PaymentOutcome = "duplicate" | "unknown_order" | "paid" | "late_paid" | "refund" | "declined" | "ignored" | "amount_mismatch";

/**
 * Applies a webhook event at most once (invariant 5): the event is recorded first, and a second
 * delivery of it finds it there and changes nothing. Paying turns the order's held places into
 * sold ones and issues one ticket per unit, in this one transaction; the confirmation e-mail is
 * queued in the same transaction and sent after it. A payment for an order that has expired takes
 * its places again if they are free; if not, nothing is oversold: a refund is queued instead.
 * Events may come in any order: a failure after the payment, or a second payment event, is
 * recorded and ignored.
 */
export async function applyPaymentEvent({ ctx, input: event }: { ctx: Ctx; input: PaymentEvent }): Promise<PaymentOutcome> {
  return withTransaction(ctx, async ({ db }) => {
    const now = ctx.now();
    const [recorded] = await db
      .insert(paymentEvents)
      .values({ provider: event.provider, eventId: event.eventId, type: event.type, outcome: "received", payload: event.payload as object, receivedAt: now })
      .onConflictDoNothing()
      .returning({ id: paymentEvents.id });
    if (!recorded) return "duplicate";

    const outcome = await decide();
    await db.update(paymentEvents).set({ outcome, orderId: outcome === "unknown_order" ? null : event.orderId }).where(eq(paymentEvents.id, recorded.id));
    return outcome;

    async function decide(): Promise<PaymentOutcome> {
      if (!event.orderId || !/^[0-9a-f-]{36}$/i.test(event.orderId)) return "unknown_order";
      const { rows } = await db.execute<{ status: string; total_minor: number }>(sql`SELECT status, total_minor FROM orders WHERE id = ${event.orderId} FOR UPDATE`);
      const order = rows[0];
      if (!order) return "unknown_order";
      if (event.type === "failed") return order.status === "pending_payment" ? "declined" : "ignored";
      if (event.type !== "paid" || order.status === "paid" || order.status === "refunded") return "ignored";
      const orderId = event.orderId;
      if (event.paymentRef) await db.update(orders).set({ paymentRef: event.paymentRef }).where(eq(orders.id, orderId));
      // Never seen from a provider that charges what it was asked; recorded for staff rather than guessed at.
      if (event.amountMinor !== undefined && event.amountMinor !== order.total_minor) return "amount_mismatch";

      const places = await lockOrderPlaces(db, orderId);
      if (order.status === "pending_payment") {
        for (const place of places) await db.execute(sql`UPDATE time_slots SET held = held - ${place.quantity}, sold = sold + ${place.quantity} WHERE id = ${place.slotId}`);
        return issue("paid");
      }
      // Expired (or cancelled): its places were given back. Take them again only if all are free.
      const taken = await db.transaction(async (attempt) => {
        for (const place of places) {
          const result = await attempt.execute(sql`
            UPDATE time_slots SET sold = sold + ${place.quantity}
            WHERE id = ${place.slotId} AND status = 'open' AND held + sold + ${place.quantity} <= capacity`);
          if (result.rowCount !== 1) return attempt.rollback();
        }
        return true;
      }).catch((error: unknown) => {
        if (is(error, TransactionRollbackError)) return false;
        throw error;
      });
      if (taken) return issue("late_paid");
      // Refunded from now on, so that a second payment event cannot sell the order after all; the
      // provider is called from the outbox, after this commits.
      await db.update(orders).set({ status: "refunded", refundedAt: now }).where(eq(orders.id, orderId));
      await db.insert(outbox).values({ kind: "refund", orderId, createdAt: now }).onConflictDoNothing();
      return "refund";
    }

    async function issue(outcome: "paid" | "late_paid"): Promise<PaymentOutcome> {
      const orderId = event.orderId!;
      await db.update(orders).set({ status: "paid", paidAt: now }).where(eq(orders.id, orderId));
      const items = await db.select({ id: orderItems.id, quantity: orderItems.quantity }).from(orderItems).where(eq(orderItems.orderId, orderId));
      await db.insert(tickets).values(items.flatMap((item) => Array.from({ length: item.quantity }, () => ({ orderId, orderItemId: item.id, code: newTicketCode(), createdAt: now }))));
      await db.insert(outbox).values({ kind: "confirmation", orderId, createdAt: now }).onConflictDoNothing();
      return outcome;
    }
  });
}
