import { randomUUID } from "node:crypto";
import { rm } from "node:fs/promises";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { orders, payments } from "@/db/schema";
import { testProvider, TEST_SIGNATURE_HEADER } from "@/server/payments/test-provider";
import { startApp, type AppProcess } from "../support/app-process";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { readOutboxMail } from "../support/mail-files";

const AUTH_SECRET = "payments-production-secret-0123456789abcdef";
const DATA_DIR = path.resolve(import.meta.dirname, "../../.tmp/payments-production");

let database: TestDatabase;
let app: AppProcess;
beforeAll(async () => {
  await rm(DATA_DIR, { recursive: true, force: true });
  database = await createTestDatabase();
  app = await startApp({ APP_ENV: "production", ALLOW_TEST_PAYMENTS: "true", METRICS_TOKEN: "payments-metrics-token", AUTH_SECRET, DATABASE_URL: database.url, DATA_DIR });
});
afterAll(async () => {
  await app?.stop();
  await database?.drop();
});

const post = (pathname: string, body: unknown, cookie?: string) =>
  fetch(`${app.url}${pathname}`, { method: "POST", redirect: "manual", headers: { "content-type": "application/json", ...(cookie && { cookie }) }, body: JSON.stringify(body) });

/** A guest's order for two places of the demo museum, waiting for payment, and its payment link. */
async function placeOrder() {
  const exhibition = (await (await fetch(`${app.url}/api/exhibitions/chola-bronzes`)).json()).exhibition;
  const slot = (await (await fetch(`${app.url}/api/exhibitions/chola-bronzes/slots`)).json()).slots.find((candidate: { status: string }) => candidate.status === "open");
  const added = await post("/api/cart/items", { slotId: slot.id, ticketTypeId: exhibition.ticketTypes[0].id, quantity: 2 });
  expect(added.status).toBe(201);
  const cookie = added.headers.getSetCookie()[0]!.split(";")[0]!;
  const placed = await post("/api/checkout", { name: "Asha Rao", email: "asha@example.org" }, cookie);
  expect(placed.status).toBe(201);
  const { order, payment } = await placed.json();
  return { order, key: new URL(payment.redirectUrl, app.url).searchParams.get("key")! };
}

const pressPay = (orderId: string, key: string) =>
  fetch(`${app.url}/pay/test/${orderId}/complete`, { method: "POST", redirect: "manual", headers: { "content-type": "application/x-www-form-urlencoded" }, body: `key=${key}&outcome=pay` });

async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  for (const until = Date.now() + timeoutMs; ; await new Promise((resolve) => setTimeout(resolve, 200))) {
    const value = await read();
    if (done(value) || Date.now() > until) return value;
  }
}
const metricsText = async () => (await fetch(`${app.url}/metrics`, { headers: { authorization: "Bearer payments-metrics-token" } })).text();

describe("payments on a production server", () => {
  it("a buyer who pays in two tabs gets one set of tickets and the second payment back, told why, logged and counted", async () => {
    const { order, key } = await placeOrder();
    const answers = await Promise.all([pressPay(order.id, key), pressPay(order.id, key)]);
    expect(answers.map((answer) => answer.headers.get("location")).sort()).toEqual([`/orders/${order.id}?key=${key}`, `/pay/test/${order.id}?key=${key}&result=second_capture`]);

    const settled = await eventually(
      () => database.db.select({ ref: payments.providerPaymentId, status: payments.status, reason: payments.refundReason }).from(payments).where(eq(payments.orderId, order.id)),
      (rows) => rows.some((row) => row.status === "refunded"),
    );
    expect(settled.map((row) => [row.status, row.reason]).sort()).toEqual([["applied", null], ["refunded", "second_capture"]]);
    expect((await database.db.select({ status: orders.status }).from(orders).where(eq(orders.id, order.id)))[0]!.status).toBe("paid");
    const seen = await (await fetch(`${app.url}/api/orders/${order.id}?key=${key}`)).json();
    expect(seen.order.tickets).toHaveLength(2);

    const refunded = settled.find((row) => row.status === "refunded")!;
    const mail = await readOutboxMail(DATA_DIR, `order-${order.number}-refund-${refunded.ref}@localhost`);
    expect(mail).toContain(`We received a second payment for order ${order.number}, which was already paid.`);
    expect(app.logs()).toContainEqual(expect.objectContaining({ level: "warn", msg: "a captured payment is being refunded", outcome: "second_capture", orderId: order.id, paymentRef: refunded.ref }));
    expect(await metricsText()).toMatch(/^payment_refunds_total\{reason="second_capture"\} 1$/m);
  });

  it("a signed payment for no order of ours is kept, and the log and a metric say a person must look at it", async () => {
    const stranger = randomUUID();
    const signed = testProvider(AUTH_SECRET).signedEvent("pay", { id: stranger, totalMinor: 50_000, currency: "INR" });
    const answer = await fetch(`${app.url}/api/payments/test/webhook`, { method: "POST", headers: { "content-type": "application/json", [TEST_SIGNATURE_HEADER]: signed.signature }, body: signed.body });
    expect(await answer.json()).toEqual({ received: true, outcome: "unmatched_payment" });
    expect(app.logs()).toContainEqual(expect.objectContaining({ level: "error", msg: "a payment needs a person", reason: "unmatched", orderId: stranger }));
    expect(await metricsText()).toMatch(/^payments_needing_attention_total\{reason="unmatched"\} 1$/m);
    expect(await metricsText()).toMatch(/^# TYPE outbox_dead_jobs gauge$/m);
  });
});
