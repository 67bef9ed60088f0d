import { eq, is, sql, TransactionRollbackError } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { orderItems, orders, outbox, paymentEvents, payments } from "../../db/schema";
import { releaseExpiredHoldsOfSlot } from "../availability/release-expired-holds";
import { withTransaction, type Ctx } from "../context";
import { recordFunnel } from "../funnel/record-funnel";
import { issueTickets } from "../tickets/issue-tickets";
import { lockOrderPlaces } from "./order-places";
import { isUuid } from "../uuid";

/** A provider's webhook event, checked and put in our terms. */
export type PaymentEvent = {
  provider: string;
  /** Taken from the signed body, so a replayed body is the same event whatever else came with it. */
  eventId: string;
  type: "paid" | "failed" | "other";
  /** Our order's id, when it comes from data only we could have set (Stripe's session metadata, our own test events). */
  orderId?: string;
  /** The provider's own order for ours (a Razorpay order), matched against the one we stored. */
  providerOrderRef?: string;
  /** The provider's id of the money taken: what a refund names. */
  paymentRef?: string;
  amountMinor?: number;
  currency?: string;
  payload: unknown;
};

/** Why a captured payment is given back instead of becoming its order's tickets. */
export const REFUND_REASONS = ["late_no_room", "second_capture", "order_closed", "amount_mismatch", "currency_mismatch", "amount_missing"] as const;
export type RefundReason = (typeof REFUND_REASONS)[number];
export const isRefundReason = (outcome: string): outcome is RefundReason => (REFUND_REASONS as readonly string[]).includes(outcome);

/**
 * `unmatched_payment`: money was captured that names no order of ours (or no payment to refund):
 * it is kept for a person to look at, never guessed at.
 */
export type PaymentOutcome = "duplicate" | "unknown_order" | "unmatched_payment" | "paid" | "late_paid" | RefundReason | "declined" | "ignored";

type LockedOrder = { id: string; status: string; total_minor: number; currency: string };

/** The order an event is about, locked; found by our id, or by the provider's order we stored for it. */
async function lockOrderOf(db: Executor, event: PaymentEvent): Promise<LockedOrder | undefined> {
  const where = event.orderId
    ? isUuid(event.orderId) ? sql`id = ${event.orderId}` : undefined
    : event.providerOrderRef ? sql`provider_ref = ${event.providerOrderRef}` : undefined;
  if (!where) return undefined;
  const { rows } = await db.execute<LockedOrder>(sql`SELECT id, status, total_minor, currency FROM orders WHERE provider = ${event.provider} AND ${where} FOR UPDATE`);
  return rows[0];
}

/**
 * Applies a webhook event at most once (invariant 5): the event is recorded first, and a second
 * delivery of it finds it there and changes nothing.
 *
 * Every captured payment is recorded once, by the provider's payment id, and ends as its order's
 * tickets or as a refund, decided here in one transaction (invariant 11): the first payment of
 * the order's total and currency sells its held places and issues one ticket per unit; a payment
 * for an expired order takes its places again if they are free. Any other (a second capture from
 * a second tab, a payment for an order already refunded or cancelled, a wrong amount or currency,
 * an event that does not say how much) queues a refund of the whole payment in the outbox, keyed
 * by that payment, so it leaves once. Events may come in any order; a failure after the payment is
 * recorded and ignored.
 */
export async function applyPaymentEvent({ ctx, input: event }: { ctx: Ctx; input: PaymentEvent }): Promise<PaymentOutcome> {
  return withTransaction(ctx, async (tx) => {
    const { db } = tx;
    const now = ctx.now();
    const [recorded] = await db
      .insert(paymentEvents)
      .values({ provider: event.provider, eventId: event.eventId, type: event.type, outcome: "received", payload: event.payload as object, receivedAt: now })
      .onConflictDoNothing()
      .returning({ id: paymentEvents.id });
    if (!recorded) return "duplicate";

    const order = await lockOrderOf(db, event);
    const outcome = event.type === "paid" ? await capture() : !order ? "unknown_order" : event.type === "failed" && order.status === "pending_payment" ? "declined" : "ignored";
    await db.update(paymentEvents).set({ outcome, orderId: order?.id ?? null }).where(eq(paymentEvents.id, recorded.id));
    return outcome;

    async function capture(): Promise<PaymentOutcome> {
      if (!event.paymentRef) return "unmatched_payment";
      const [payment] = await db
        .insert(payments)
        .values({ provider: event.provider, providerPaymentId: event.paymentRef, orderId: order?.id, amountMinor: event.amountMinor, currency: event.currency, status: "unmatched", eventId: event.eventId, capturedAt: now })
        .onConflictDoNothing()
        .returning({ id: payments.id });
      // Already decided: another event about the same payment (Stripe and Razorpay send several), or a replay under a new id.
      if (!payment) return "ignored";
      if (!order) return "unmatched_payment";
      const outcome = await settle(order);
      if (isRefundReason(outcome)) {
        await db.update(payments).set({ status: "refunding", refundReason: outcome }).where(eq(payments.id, payment.id));
        await db.insert(outbox).values({ kind: "refund", orderId: order.id, paymentId: payment.id, createdAt: now });
      } else {
        await db.update(payments).set({ status: "applied" }).where(eq(payments.id, payment.id));
      }
      return outcome;
    }

    async function settle(order: LockedOrder): Promise<PaymentOutcome> {
      if (event.amountMinor === undefined || !event.currency) return "amount_missing";
      if (event.currency.toUpperCase() !== order.currency) return "currency_mismatch";
      if (event.amountMinor !== order.total_minor) return "amount_mismatch";
      if (order.status === "paid") return "second_capture";
      if (order.status !== "pending_payment" && order.status !== "expired") return "order_closed";

      const places = await lockOrderPlaces(db, order.id);
      if (order.status === "pending_payment") {
        for (const place of places) await db.execute(sql`UPDATE time_slots SET held = held - ${place.quantity}, sold = sold + ${place.quantity} WHERE id = ${place.slotId}`);
        return issue(order.id, "paid");
      }
      // Expired: its places were given back. Take them again only if all are free; a hold that has
      // run out but not yet been swept never stands in the way (invariant 3).
      for (const place of places) await releaseExpiredHoldsOfSlot(db, place.slotId, now);
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
      if (taken) return issue(order.id, "late_paid");
      // Refunded from now on, so that no later payment can sell it after all.
      await db.update(orders).set({ status: "refunded", refundedAt: now, paymentRef: event.paymentRef }).where(eq(orders.id, order.id));
      return "late_no_room";
    }

    async function issue(orderId: string, outcome: "paid" | "late_paid"): Promise<PaymentOutcome> {
      await db.update(orders).set({ status: "paid", paidAt: now, paymentRef: event.paymentRef }).where(eq(orders.id, orderId));
      const items = await db.select({ id: orderItems.id, quantity: orderItems.quantity }).from(orderItems).where(eq(orderItems.orderId, orderId));
      await issueTickets(db, orderId, items, now);
      await db.insert(outbox).values({ kind: "confirmation", orderId, createdAt: now }).onConflictDoNothing();
      await recordFunnel(tx, [{ kind: "paid", orderId, quantity: items.reduce((sum, item) => sum + item.quantity, 0), outcome }]);
      return outcome;
    }
  });
}
