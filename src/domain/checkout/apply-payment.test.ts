import { eq, inArray, isNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { connectDatabase } from "@/db/client";
import { orders, outbox, paymentEvents, payments } from "@/db/schema";
import { databaseForThisFile } from "../../../tests/support/database";
import { slotCounts, t0, testCtx } from "../../../tests/support/cart-fixtures";
import { jobsOf, paidEvent as paid, paymentId, paymentsOf, pendingOrder, ticketsOf } from "../../../tests/support/order-fixtures";
import { applyPaymentEvent } from "./apply-payment";

const db = databaseForThisFile();

/** The order after its first payment: paid, 2 places sold, 3 tickets. */
async function paidOrder() {
  const placed = await pendingOrder(db.current.db, { now: t0 });
  expect(await applyPaymentEvent({ ctx: placed.ctx, input: paid(placed.order.id) })).toBe("paid");
  return placed;
}

/** Each payment of the order and what became of it, the outbox jobs (which name the payment they refund), the tickets. */
async function settled(orderId: string) {
  return { payments: await paymentsOf(db.current.db, orderId), jobs: await jobsOf(db.current.db, orderId), tickets: (await ticketsOf(db.current.db, orderId)).length };
}

describe("every captured payment ends as tickets or a refund", () => {
  it("a second capture of a paid order is refunded, keyed by that payment; the tickets stay as they were", async () => {
    const { ctx, show, order } = await paidOrder();
    expect(await applyPaymentEvent({ ctx, input: paid(order.id, { paymentRef: "pay_2" }) })).toBe("second_capture");
    expect(await settled(order.id)).toEqual({
      payments: [{ ref: "pay_1", status: "applied", reason: null }, { ref: "pay_2", status: "refunding", reason: "second_capture" }],
      jobs: [{ kind: "confirmation", payment: null }, { kind: "refund", payment: "pay_2" }],
      tickets: 3,
    });
    expect(await slotCounts(db.current.db, show.slot.id)).toMatchObject({ held: 0, sold: 2 });
    // A third one is refunded on its own: one refund job per payment, not per order.
    expect(await applyPaymentEvent({ ctx, input: paid(order.id, { paymentRef: "pay_3" }) })).toBe("second_capture");
    expect((await settled(order.id)).jobs.filter((job) => job.kind === "refund").map((job) => job.payment).sort()).toEqual(["pay_2", "pay_3"]);
  });

  it("two tabs paying at the same moment on separate connections: one payment becomes the tickets, the other is refunded", async () => {
    const clock = { now: t0 };
    const { order, show } = await pendingOrder(db.current.db, clock);
    const pool = connectDatabase(db.current.url, { max: 4 });
    try {
      const outcomes = await Promise.all(["pay_tab_1", "pay_tab_2"].map((paymentRef) => applyPaymentEvent({ ctx: testCtx(pool.db, clock), input: paid(order.id, { paymentRef }) })));
      expect(outcomes.sort()).toEqual(["paid", "second_capture"]);
    } finally {
      await pool.close();
    }
    const after = await settled(order.id);
    expect(after.payments.map((payment) => payment.status).sort()).toEqual(["applied", "refunding"]);
    expect(after.jobs.filter((job) => job.kind === "refund")).toHaveLength(1);
    expect(after.tickets).toBe(3);
    expect(await slotCounts(db.current.db, show.slot.id)).toMatchObject({ held: 0, sold: 2 });
  });

  it("the same payment reported again under a new event id is applied once and refunded never", async () => {
    const { ctx, order } = await paidOrder();
    const outcomes = [];
    for (let i = 0; i < 3; i++) outcomes.push(await applyPaymentEvent({ ctx, input: paid(order.id) }));
    expect(outcomes).toEqual(["ignored", "ignored", "ignored"]);
    expect(await settled(order.id)).toEqual({ payments: [{ ref: "pay_1", status: "applied", reason: null }], jobs: [{ kind: "confirmation", payment: null }], tickets: 3 });
    expect(await db.current.db.select().from(paymentEvents).where(eq(paymentEvents.orderId, order.id))).toHaveLength(4);
  });

  it("a payment of the wrong amount is refunded, and the order waits for a right one", async () => {
    const { ctx, show, order } = await pendingOrder(db.current.db, { now: t0 });
    expect(await applyPaymentEvent({ ctx, input: paid(order.id, { paymentRef: "pay_odd", amountMinor: 49_999 }) })).toBe("amount_mismatch");
    expect((await db.current.db.select({ status: orders.status }).from(orders).where(eq(orders.id, order.id)))[0]!.status).toBe("pending_payment");
    expect(await slotCounts(db.current.db, show.slot.id)).toMatchObject({ held: 2, sold: 0 });
    expect(await applyPaymentEvent({ ctx, input: paid(order.id, { paymentRef: "pay_right" }) })).toBe("paid");
    expect(await settled(order.id)).toEqual({
      payments: [{ ref: "pay_odd", status: "refunding", reason: "amount_mismatch" }, { ref: "pay_right", status: "applied", reason: null }],
      jobs: [{ kind: "confirmation", payment: null }, { kind: "refund", payment: "pay_odd" }],
      tickets: 3,
    });
    // What the event reported is kept with the payment, for the refund and for staff.
    expect((await db.current.db.select({ amount: payments.amountMinor }).from(payments).where(eq(payments.providerPaymentId, paymentId("pay_odd", order.id))))[0]!.amount).toBe(49_999);
  });

  it("a payment in another currency is refunded; the currency's spelling does not matter", async () => {
    const { ctx, order } = await pendingOrder(db.current.db, { now: t0 });
    expect(await applyPaymentEvent({ ctx, input: paid(order.id, { paymentRef: "pay_usd", currency: "USD" }) })).toBe("currency_mismatch");
    expect(await applyPaymentEvent({ ctx, input: paid(order.id, { paymentRef: "pay_inr", currency: "inr" }) })).toBe("paid");
    expect((await settled(order.id)).payments).toEqual([{ ref: "pay_inr", status: "applied", reason: null }, { ref: "pay_usd", status: "refunding", reason: "currency_mismatch" }]);
  });

  it("a signed event that does not say how much, or in what currency, pays nothing and is refunded", async () => {
    const { ctx, show, order } = await pendingOrder(db.current.db, { now: t0 });
    expect(await applyPaymentEvent({ ctx, input: paid(order.id, { paymentRef: "pay_no_amount", amountMinor: undefined }) })).toBe("amount_missing");
    expect(await applyPaymentEvent({ ctx, input: paid(order.id, { paymentRef: "pay_no_currency", currency: undefined }) })).toBe("amount_missing");
    expect(await settled(order.id)).toEqual({
      payments: [{ ref: "pay_no_amount", status: "refunding", reason: "amount_missing" }, { ref: "pay_no_currency", status: "refunding", reason: "amount_missing" }],
      jobs: [{ kind: "refund", payment: "pay_no_amount" }, { kind: "refund", payment: "pay_no_currency" }],
      tickets: 0,
    });
    expect(await slotCounts(db.current.db, show.slot.id)).toMatchObject({ held: 2, sold: 0 });
  });

  it("a payment for a cancelled order is refunded and sells nothing", async () => {
    const { ctx, order } = await pendingOrder(db.current.db, { now: t0 });
    await db.current.db.update(orders).set({ status: "cancelled" }).where(eq(orders.id, order.id));
    expect(await applyPaymentEvent({ ctx, input: paid(order.id) })).toBe("order_closed");
    expect(await settled(order.id)).toEqual({ payments: [{ ref: "pay_1", status: "refunding", reason: "order_closed" }], jobs: [{ kind: "refund", payment: "pay_1" }], tickets: 0 });
  });

  it("a payment that names no order of ours is kept for a person, not refunded blindly; other events about no order are only recorded", async () => {
    const { ctx } = await pendingOrder(db.current.db, { now: t0 });
    const stranger = "00000000-0000-4000-8000-000000000000";
    expect(await applyPaymentEvent({ ctx, input: paid(stranger) })).toBe("unmatched_payment");
    expect(await applyPaymentEvent({ ctx, input: paid("not-an-id") })).toBe("unmatched_payment");
    expect(await applyPaymentEvent({ ctx, input: paid(stranger, { type: "failed", paymentRef: "pay_failed" }) })).toBe("unknown_order");
    const kept = await db.current.db.select({ status: payments.status, orderId: payments.orderId }).from(payments).where(inArray(payments.providerPaymentId, [paymentId("pay_1", stranger), paymentId("pay_1", "not-an-id"), paymentId("pay_failed", stranger)]));
    expect(kept).toEqual([{ status: "unmatched", orderId: null }, { status: "unmatched", orderId: null }]);
    expect(await db.current.db.select().from(outbox).where(isNull(outbox.orderId))).toEqual([]);
  });

  it("a payment is matched by the provider's order we stored, within that provider only", async () => {
    const { ctx, order } = await pendingOrder(db.current.db, { now: t0 });
    await db.current.db.update(orders).set({ providerRef: "order_rzp_42" }).where(eq(orders.id, order.id));
    const byRef = (providerOrderRef: string, paymentRef: string, provider = "test") => paid(order.id, { orderId: undefined, provider, providerOrderRef, paymentRef });
    expect(await applyPaymentEvent({ ctx, input: byRef("order_rzp_42", "pay_other_provider", "razorpay") })).toBe("unmatched_payment");
    expect(await applyPaymentEvent({ ctx, input: byRef("order_rzp_41", "pay_other_order") })).toBe("unmatched_payment");
    expect(await applyPaymentEvent({ ctx, input: byRef("order_rzp_42", "pay_by_ref") })).toBe("paid");
    expect((await settled(order.id)).payments).toEqual([{ ref: "pay_by_ref", status: "applied", reason: null }]);
  });
});
