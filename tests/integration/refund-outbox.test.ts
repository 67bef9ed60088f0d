import { Writable } from "node:stream";
import { eq, sql } from "drizzle-orm";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outbox, payments } from "@/db/schema";
import { applyPaymentEvent } from "@/domain/checkout/apply-payment";
import { config } from "@/server/config";
import { databaseHandle } from "@/server/database";
import { metrics } from "@/server/metrics";
import { kickOutbox } from "@/server/outbox/outbox";
import { t0 } from "../support/cart-fixtures";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { readOutboxMail } from "../support/mail-files";
import { paidEvent, paymentId, pendingOrder } from "../support/order-fixtures";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  databaseHandle(database);
});
afterAll(() => database.drop());

/** A logger whose lines the test reads. */
function capturedLog() {
  const lines: { msg: string; [field: string]: unknown }[] = [];
  const log = pino({ level: "info" }, new Writable({ write: (chunk, _encoding, done) => (lines.push(JSON.parse(String(chunk))), done()) }));
  return { log, lines };
}

/** An order paid once, then paid again from a second tab: the second payment waits for its refund. */
async function secondCapture() {
  const { ctx, order } = await pendingOrder(database.db, { now: t0 });
  await applyPaymentEvent({ ctx, input: paidEvent(order.id) });
  expect(await applyPaymentEvent({ ctx, input: paidEvent(order.id, { paymentRef: "pay_2" }) })).toBe("second_capture");
  const [payment] = await database.db.select().from(payments).where(eq(payments.providerPaymentId, paymentId("pay_2", order.id)));
  const [job] = await database.db.select().from(outbox).where(eq(outbox.paymentId, payment!.id));
  return { order, payment: payment!, job: job! };
}
const jobNow = async (id: string) => (await database.db.select().from(outbox).where(eq(outbox.id, id)))[0]!;
const paymentNow = async (id: string) => (await database.db.select().from(payments).where(eq(payments.id, id)))[0]!;
const counterValue = async (reason: string) => (await metrics().paymentsNeedingAttention.get()).values.find((value) => value.labels.reason === reason)?.value ?? 0;
const deadGauge = async (kind: string) => (await metrics().outboxDeadJobs.get()).values.find((value) => value.labels.kind === kind)?.value ?? 0;

describe("a refund in the outbox", () => {
  it("gives a second capture back once and tells the buyer why", async () => {
    const { order, payment, job } = await secondCapture();
    const { log } = capturedLog();
    await kickOutbox(database.db, log);
    expect(await paymentNow(payment.id)).toMatchObject({ status: "refunded", refundedAt: expect.any(Date) });
    expect((await jobNow(job.id)).doneAt).not.toBeNull();
    const mail = await readOutboxMail(config().dataDir, `order-${order.number}-refund-${payment.providerPaymentId}@localhost`);
    expect(mail).toContain(`We received a second payment for order ${order.number}, which was already paid.`);
    expect(mail).toContain("Your tickets are unchanged and valid");
    expect(await kickOutbox(database.db, log)).toBe(0);
  });

  it("that the provider keeps refusing waits longer after each attempt, then is dead: logged, counted, and its payment marked for a person", async () => {
    const { payment, job } = await secondCapture();
    // The payment came through a provider this server no longer has keys for: every refund attempt fails.
    await database.db.update(payments).set({ provider: "stripe" }).where(eq(payments.id, payment.id));
    const { log, lines } = capturedLog();
    const attentionBefore = await counterValue("refund_failed");

    const started = Date.now();
    await kickOutbox(database.db, log);
    const first = await jobNow(job.id);
    expect(first).toMatchObject({ attempts: 1, deadAt: null, lastError: expect.stringContaining("the stripe provider is not configured") });
    expect(first.leasedUntil!.getTime() - started).toBeGreaterThanOrEqual(2_000);
    await database.db.update(outbox).set({ leasedUntil: new Date(0) }).where(eq(outbox.id, job.id));
    await kickOutbox(database.db, log);
    const second = await jobNow(job.id);
    expect(second.attempts).toBe(2);
    expect(second.leasedUntil!.getTime() - started).toBeGreaterThanOrEqual(4_000);
    expect(await paymentNow(payment.id)).toMatchObject({ status: "refunding" });

    // Its last attempt, OUTBOX_MAX_ATTEMPTS (20 by default), fails too.
    const { outboxMaxAttempts } = config();
    await database.db.update(outbox).set({ attempts: outboxMaxAttempts - 1, leasedUntil: new Date(0) }).where(eq(outbox.id, job.id));
    await kickOutbox(database.db, log);
    const dead = await jobNow(job.id);
    expect(dead).toMatchObject({ attempts: outboxMaxAttempts, doneAt: null, deadAt: expect.any(Date) });
    expect(await paymentNow(payment.id)).toMatchObject({ status: "refund_failed" });
    const alerts = lines.filter((line) => line.msg === "a payment needs a person");
    expect(alerts).toEqual([expect.objectContaining({ level: 50, reason: "refund_failed", paymentRef: payment.providerPaymentId, provider: "stripe", job: job.id })]);
    expect(await counterValue("refund_failed")).toBe(attentionBefore + 1);
    expect(await deadGauge("refund")).toBeGreaterThanOrEqual(1);

    // Dead is dead: no more attempts until a person revives it.
    await kickOutbox(database.db, log);
    expect((await jobNow(job.id)).attempts).toBe(outboxMaxAttempts);
    expect(lines.filter((line) => line.msg === "a payment needs a person")).toHaveLength(1);
  });

  it("whose worker died during its last attempt is dead once the lease runs out, not left silent", async () => {
    const { payment, job } = await secondCapture();
    const { log, lines } = capturedLog();
    await database.db.execute(sql`UPDATE outbox SET attempts = ${config().outboxMaxAttempts}, leased_until = now() + interval '1 hour' WHERE id = ${job.id}`);
    await kickOutbox(database.db, log);
    expect((await jobNow(job.id)).deadAt).toBeNull();
    await database.db.update(outbox).set({ leasedUntil: new Date(Date.now() - 1000) }).where(eq(outbox.id, job.id));
    await kickOutbox(database.db, log);
    expect((await jobNow(job.id)).deadAt).not.toBeNull();
    expect(await paymentNow(payment.id)).toMatchObject({ status: "refund_failed" });
    expect(lines.filter((line) => line.msg === "a payment needs a person")).toHaveLength(1);
  });
});
