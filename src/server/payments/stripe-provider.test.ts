import http from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebhookSignatureError } from "./provider";
import { stripeProvider } from "./stripe-provider";

const webhookSecret = "whsec_local_test_secret";
const order = { id: "3f1e6c1a-2b7d-4c1e-9a55-0d6f2b1c9e11", number: "1001", totalMinor: 50_000, currency: "INR", name: "Asha", email: "asha@example.org", providerRef: null, paymentRef: "pi_123" };

// A local stand-in for api.stripe.com: records what the SDK sends, answers what Stripe would.
const received: { method: string; path: string; body: string }[] = [];
const server = http.createServer((request, response) => {
  let body = "";
  request.on("data", (chunk) => (body += chunk));
  request.on("end", () => {
    received.push({ method: request.method!, path: request.url!, body });
    response.setHeader("content-type", "application/json");
    if (request.url === "/v1/checkout/sessions") response.end(JSON.stringify({ id: "cs_test_1", object: "checkout.session", url: "https://checkout.stripe.com/c/pay/cs_test_1" }));
    else response.end(JSON.stringify({ id: "re_1", object: "refund", status: "succeeded" }));
  });
});
let provider: ReturnType<typeof stripeProvider>;
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  provider = stripeProvider({ secretKey: "sk_test_local", webhookSecret, connection: { host: "127.0.0.1", port: (server.address() as AddressInfo).port, protocol: "http" } });
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

const signed = (event: object, secret = webhookSecret) => {
  const payload = JSON.stringify(event);
  return { payload, headers: new Headers({ "stripe-signature": Stripe.webhooks.generateTestHeaderString({ payload, secret }) }) };
};
const sessionEvent = (type: string, session: object) => ({ id: `evt_${type}`, object: "event", type, data: { object: { id: "cs_test_1", object: "checkout.session", metadata: { orderId: order.id }, ...session } } });

describe("the Stripe adapter", () => {
  it("reads a completed, paid Checkout Session signed with the webhook secret as a payment of the order", () => {
    const { payload, headers } = signed(sessionEvent("checkout.session.completed", { payment_status: "paid", payment_intent: "pi_123", amount_total: 50_000 }));
    expect(provider.parseWebhook(payload, headers)).toMatchObject({ provider: "stripe", eventId: "evt_checkout.session.completed", type: "paid", orderId: order.id, paymentRef: "pi_123", amountMinor: 50_000 });
  });

  it("reads an expired session as failed, and other events as nothing to act on", () => {
    const expired = signed(sessionEvent("checkout.session.expired", { payment_status: "unpaid" }));
    expect(provider.parseWebhook(expired.payload, expired.headers).type).toBe("failed");
    const other = signed({ id: "evt_x", object: "event", type: "customer.created", data: { object: {} } });
    expect(provider.parseWebhook(other.payload, other.headers).type).toBe("other");
  });

  it("refuses a payload signed with another secret, or changed after signing", () => {
    const forged = signed(sessionEvent("checkout.session.completed", { payment_status: "paid" }), "whsec_someone_else");
    expect(() => provider.parseWebhook(forged.payload, forged.headers)).toThrow(WebhookSignatureError);
    const good = signed(sessionEvent("checkout.session.completed", { payment_status: "paid", amount_total: 50_000 }));
    expect(() => provider.parseWebhook(good.payload.replace("50000", "1"), good.headers)).toThrow(WebhookSignatureError);
  });

  it("creates a Checkout Session for the order's total and refunds its payment intent, once per order", async () => {
    const started = await provider.start(order, { success: "https://museum.example/orders/1", cancel: "https://museum.example/pay/1" });
    expect(started).toEqual({ redirectUrl: "https://checkout.stripe.com/c/pay/cs_test_1", providerRef: "cs_test_1" });
    const created = new URLSearchParams(received.find((request) => request.path === "/v1/checkout/sessions")!.body);
    expect(created.get("line_items[0][price_data][unit_amount]")).toBe("50000");
    expect(created.get("line_items[0][price_data][currency]")).toBe("inr");
    expect(created.get("metadata[orderId]")).toBe(order.id);
    await provider.refund(order);
    const refund = received.find((request) => request.path === "/v1/refunds")!;
    expect(new URLSearchParams(refund.body).get("payment_intent")).toBe("pi_123");
  });
});
