import { createHmac } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebhookSignatureError } from "./provider";
import { razorpayProvider } from "./razorpay-provider";

const webhookSecret = "razorpay_webhook_local_secret";
const orderId = "3f1e6c1a-2b7d-4c1e-9a55-0d6f2b1c9e11";

// A local stand-in for api.razorpay.com: payments as Razorpay reports them, and the refunds asked for.
const refunded = new Map<string, number>([["pay_rzp_1", 0], ["pay_rzp_partly", 20_000], ["pay_rzp_done", 50_000], ["pay_rzp_tickets", 0]]);
const refundRequests: { path: string; body: Record<string, unknown> }[] = [];
const server = http.createServer((request, response) => {
  let body = "";
  request.on("data", (chunk) => (body += chunk));
  request.on("end", () => {
    response.setHeader("content-type", "application/json");
    const [, , , paymentId, action] = request.url!.split(/[/?]/);
    if (request.method === "GET" && action === "refunds") {
      const items = refundRequests.filter((made) => made.path === `/v1/payments/${paymentId}/refund`).map((made, i) => ({ id: `rfnd_${i}`, entity: "refund", ...made.body }));
      return response.end(JSON.stringify({ entity: "collection", count: items.length, items }));
    }
    if (request.method === "GET" && refunded.has(paymentId!)) {
      return response.end(JSON.stringify({ id: paymentId, entity: "payment", amount: 50_000, currency: "INR", status: "captured", amount_refunded: refunded.get(paymentId!) }));
    }
    if (request.method === "POST" && action === "refund") {
      const asked = JSON.parse(body) as { amount: number };
      refundRequests.push({ path: request.url!, body: asked });
      refunded.set(paymentId!, refunded.get(paymentId!)! + asked.amount);
      return response.end(JSON.stringify({ id: "rfnd_1", entity: "refund", amount: asked.amount, payment_id: paymentId }));
    }
    response.statusCode = 404;
    response.end(JSON.stringify({ error: { code: "BAD_REQUEST_ERROR", description: "no fake for this" } }));
  });
});
let provider: ReturnType<typeof razorpayProvider>;
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  provider = razorpayProvider({ keyId: "rzp_test_local", keySecret: "local_key_secret", webhookSecret, hostUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

// Razorpay signs the raw body with HMAC-SHA256 and the webhook secret, hex, in X-Razorpay-Signature.
const signed = (body: object, secret = webhookSecret, eventIdHeader = "evt_rzp_1") => {
  const payload = JSON.stringify(body);
  return { payload, headers: new Headers({ "x-razorpay-signature": createHmac("sha256", secret).update(payload).digest("hex"), "x-razorpay-event-id": eventIdHeader }) };
};
// The buyer can set a payment's notes in Checkout's options: these name another order than the payment's own.
const payment = { id: "pay_rzp_1", order_id: "order_rzp_1", amount: 50_000, currency: "INR", notes: { orderId } };
const captured = { entity: "event", event: "payment.captured", payload: { payment: { entity: payment } }, created_at: 1_795_000_000 };

describe("the Razorpay adapter", () => {
  it("reads a captured payment as a payment of the Razorpay order it was made for, whatever its notes say", () => {
    const { payload, headers } = signed(captured);
    const event = provider.parseWebhook(payload, headers);
    expect(event).toMatchObject({ provider: "razorpay", type: "paid", providerOrderRef: "order_rzp_1", paymentRef: "pay_rzp_1", amountMinor: 50_000, currency: "INR" });
    expect(event.orderId).toBeUndefined();
  });

  it("names an event from its signed body, so a captured body replayed under a new event id header is the same event", () => {
    const first = signed(captured, webhookSecret, "evt_rzp_1");
    const replayed = signed(captured, webhookSecret, "evt_rzp_forged");
    expect(provider.parseWebhook(first.payload, first.headers).eventId).toBe("payment.captured:pay_rzp_1");
    expect(provider.parseWebhook(replayed.payload, replayed.headers).eventId).toBe("payment.captured:pay_rzp_1");
    // order.paid for the same payment is another event about the same payment (applied once, by the payment's id).
    const orderPaid = signed({ entity: "event", event: "order.paid", payload: { payment: { entity: payment }, order: { entity: { id: "order_rzp_1", amount: 50_000 } } } });
    expect(provider.parseWebhook(orderPaid.payload, orderPaid.headers)).toMatchObject({ eventId: "order.paid:pay_rzp_1", type: "paid", paymentRef: "pay_rzp_1", providerOrderRef: "order_rzp_1" });
  });

  it("reads a failed payment as failed", () => {
    const { payload, headers } = signed({ event: "payment.failed", payload: { payment: { entity: { ...payment, id: "pay_rzp_2" } } } });
    expect(provider.parseWebhook(payload, headers)).toMatchObject({ type: "failed", providerOrderRef: "order_rzp_1" });
  });

  it("refuses a payload signed with another secret, changed after signing, or unsigned", () => {
    const forged = signed(captured, "someone else's secret");
    expect(() => provider.parseWebhook(forged.payload, forged.headers)).toThrow(WebhookSignatureError);
    const good = signed(captured);
    expect(() => provider.parseWebhook(good.payload.replace("50000", "1"), good.headers)).toThrow(WebhookSignatureError);
    expect(() => provider.parseWebhook(good.payload, new Headers())).toThrow(WebhookSignatureError);
  });

  it("opens the same Razorpay order on every view once it exists", async () => {
    const order = { id: orderId, number: "1001", totalMinor: 50_000, currency: "INR", name: "Asha", email: "asha@example.org", expiresAt: new Date() };
    expect(await provider.resume("order_rzp_1", order, { success: "", cancel: "" })).toMatchObject({ providerRef: "order_rzp_1", checkout: { order_id: "order_rzp_1", amount: 50_000, currency: "INR" } });
  });

  it("refunds what the payment has not yet given back, and nothing when a retry finds it refunded", async () => {
    await provider.refund({ paymentRef: "pay_rzp_1", idempotencyKey: "refund-razorpay-pay_rzp_1" });
    expect(refundRequests).toEqual([{ path: "/v1/payments/pay_rzp_1/refund", body: { amount: 50_000, receipt: "refund-razorpay-pay_rzp_1", notes: { idempotencyKey: "refund-razorpay-pay_rzp_1" } } }]);
    // The job retried after a lost answer: the payment shows the refund, so none is made again.
    await provider.refund({ paymentRef: "pay_rzp_1", idempotencyKey: "refund-razorpay-pay_rzp_1" });
    await provider.refund({ paymentRef: "pay_rzp_done", idempotencyKey: "refund-razorpay-pay_rzp_done" });
    expect(refundRequests).toHaveLength(1);
    // Part given back already (by hand, in the dashboard): the rest goes, so the whole capture is returned.
    await provider.refund({ paymentRef: "pay_rzp_partly", idempotencyKey: "refund-razorpay-pay_rzp_partly" });
    expect(refundRequests[1]!.body.amount).toBe(30_000);
  });

  it("refunds part of a payment with our key in its notes, and a retry that finds that refund makes none", async () => {
    const asked = () => refundRequests.filter((made) => made.path === "/v1/payments/pay_rzp_tickets/refund");
    await provider.refund({ paymentRef: "pay_rzp_tickets", idempotencyKey: "refund-r1", amountMinor: 25_000 });
    await provider.refund({ paymentRef: "pay_rzp_tickets", idempotencyKey: "refund-r1", amountMinor: 25_000 });
    expect(asked()).toEqual([{ path: "/v1/payments/pay_rzp_tickets/refund", body: { amount: 25_000, receipt: "refund-r1", notes: { idempotencyKey: "refund-r1" } } }]);
    // Another refund of the same payment (another cancelled slot) is another key: it is made.
    await provider.refund({ paymentRef: "pay_rzp_tickets", idempotencyKey: "refund-r2", amountMinor: 10_000 });
    expect(asked().map((made) => made.body.amount)).toEqual([25_000, 10_000]);
  });
});
