import { Writable } from "node:stream";
import { and, eq } from "drizzle-orm";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outbox, payments, refunds } from "@/db/schema";
import { cancelSlot } from "@/domain/slots/cancel-slot";
import { config } from "@/server/config";
import { databaseHandle } from "@/server/database";
import { metrics } from "@/server/metrics";
import { kickOutbox } from "@/server/outbox/outbox";
import { bookableShow, t0, testCtx } from "../support/cart-fixtures";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { fakeStripeForThisFile } from "../support/fake-stripe";
import { readOutboxMail } from "../support/mail-files";
import { placeOrder } from "../support/slot-fixtures";
import { staffCtx, staffMember } from "../support/staff-fixtures";

let database: TestDatabase;
const stripe = fakeStripeForThisFile();
beforeAll(async () => {
  database = await createTestDatabase();
  databaseHandle(database);
  // The configured provider is Stripe, answered by the fake: refunds of Stripe payments go to it.
  (globalThis as Record<symbol, unknown>)[Symbol.for("museum.payment-provider")] = stripe.provider;
});
afterAll(() => database.drop());

const log = () => {
  const lines: { msg: string; [field: string]: unknown }[] = [];
  return { lines, log: pino({ level: "info" }, new Writable({ write: (chunk, _encoding, done) => (lines.push(JSON.parse(String(chunk))), done()) })) };
};
const clock = { now: t0 };
const refundRequests = () => stripe.received.filter((request) => request.method === "POST" && request.path === "/v1/refunds");
const counter = async (name: "ticketRefunds" | "paymentsNeedingAttention", label: Record<string, string>) =>
  (await metrics()[name].get()).values.find((value) => Object.entries(label).every(([key, wanted]) => value.labels[key as keyof typeof value.labels] === wanted))?.value ?? 0;

/** A show of two slots with, on the first, a whole order, an order with a ticket on the second too, and an unpaid order, all paid through Stripe. */
async function cancelled(moveTo: boolean) {
  const visitors = testCtx(database.db, clock);
  const show = await bookableShow(database.db, t0, { slots: 2 });
  const [a, b] = show.slots as [typeof show.slot, typeof show.slot];
  const whole = await placeOrder(visitors, [{ slotId: a.id, ticketTypeId: show.adult.id, quantity: 2 }]);
  const partly = await placeOrder(visitors, [{ slotId: a.id, ticketTypeId: show.adult.id, quantity: 1 }, { slotId: b.id, ticketTypeId: show.adult.id, quantity: 1 }]);
  const unpaid = await placeOrder(visitors, [{ slotId: a.id, ticketTypeId: show.adult.id, quantity: 1 }], { pay: false });
  await database.db.update(payments).set({ provider: "stripe" });
  const ctx = staffCtx(database.db, clock, await staffMember(database.db, "admin"));
  await cancelSlot({ ctx, input: { slotId: a.id, reason: "Roof leak", moveTo: moveTo ? b.id : undefined } });
  return { a, b, whole, partly, unpaid };
}
const refundOf = async (orderId: string) => (await database.db.select().from(refunds).where(eq(refunds.orderId, orderId)))[0]!;
const paymentOf = async (orderId: string) => (await database.db.select().from(payments).where(eq(payments.orderId, orderId)))[0]!;
const mail = (number: string, what: string, slotId: string) => readOutboxMail(config().dataDir, `order-${number}-${what}-${slotId}@localhost`);

describe("the outbox after a slot is cancelled", () => {
  it("refunds each order's tickets through the provider once, with the refund's key and amount, and tells each buyer", async () => {
    const { a, whole, partly, unpaid } = await cancelled(false);
    const before = refundRequests().length;
    const done = await counter("ticketRefunds", { outcome: "done" });
    await kickOutbox(database.db, log().log);

    const wholeRefund = await refundOf(whole.id);
    const partRefund = await refundOf(partly.id);
    const asked = refundRequests().slice(before);
    expect(asked.map((request) => [request.idempotencyKey, request.body.get("amount"), request.body.get("payment_intent")]).sort()).toEqual(
      [
        [`refund-${wholeRefund.id}`, "50000", (await paymentOf(whole.id)).providerPaymentId],
        [`refund-${partRefund.id}`, "25000", (await paymentOf(partly.id)).providerPaymentId],
      ].sort(),
    );
    expect(wholeRefund).toMatchObject({ status: "done", doneAt: expect.any(Date) });
    expect(partRefund).toMatchObject({ status: "done" });
    // All it paid is back for the whole order; the other payment keeps paying for its other ticket.
    expect(await paymentOf(whole.id)).toMatchObject({ status: "refunded", refundedAt: expect.any(Date) });
    expect(await paymentOf(partly.id)).toMatchObject({ status: "applied" });
    expect(await counter("ticketRefunds", { outcome: "done" })).toBe(done + 2);

    // Run again, even with the job forced back: the refund is done, nothing leaves twice.
    await database.db.update(outbox).set({ doneAt: null, leasedUntil: null }).where(and(eq(outbox.orderId, whole.id), eq(outbox.kind, "ticket_refund")));
    await kickOutbox(database.db, log().log);
    expect(refundRequests().length).toBe(before + 2);

    expect(await mail(whole.number, "refunded", a.id)).toContain("We are refunding ₹500 for those tickets");
    expect(await mail(partly.number, "refunded", a.id)).toContain("We are refunding ₹250 for those tickets");
    const notCharged = await mail(unpaid.number, "cancelled", a.id);
    expect(notCharged).toContain("is cancelled (Roof leak)");
    expect(notCharged).toContain("nothing was charged");
  });

  it("sends moved buyers their new tickets as a PDF with the new time", async () => {
    const { a, whole } = await cancelled(true);
    await kickOutbox(database.db, log().log);
    const moved = await mail(whole.number, "moved", a.id);
    expect(moved).toContain("We have moved your tickets to another time");
    expect(moved).toContain(`filename=tickets-${whole.number}.pdf`);
    expect(moved).toContain("Adult, Exhibition");
  });

  it("a refund the provider keeps refusing ends failed: the refund row, the metric, a payment needing a person", async () => {
    const { whole } = await cancelled(false);
    stripe.refundError = { code: "card_declined", message: "no" };
    try {
      const { outboxMaxAttempts } = config();
      const refund = await refundOf(whole.id);
      await database.db.update(outbox).set({ attempts: outboxMaxAttempts - 1 }).where(eq(outbox.subjectId, refund.id));
      const failedBefore = await counter("ticketRefunds", { outcome: "failed" });
      const attentionBefore = await counter("paymentsNeedingAttention", { reason: "refund_failed" });
      const { lines, log: logger } = log();
      await kickOutbox(database.db, logger);
      expect(await refundOf(whole.id)).toMatchObject({ status: "failed" });
      expect(await counter("ticketRefunds", { outcome: "failed" })).toBe(failedBefore + 1);
      expect(await counter("paymentsNeedingAttention", { reason: "refund_failed" })).toBe(attentionBefore + 1);
      expect(lines.filter((line) => line.msg === "a payment needs a person")).toEqual([expect.objectContaining({ provider: "stripe", paymentRef: (await paymentOf(whole.id)).providerPaymentId })]);
    } finally {
      stripe.refundError = undefined;
    }
  });
});
