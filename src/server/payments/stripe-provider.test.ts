import Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { fakeStripeForThisFile } from "../../../tests/support/fake-stripe";
import { WebhookSignatureError } from "./provider";

const webhookSecret = "whsec_local_test_secret";
const order = { id: "3f1e6c1a-2b7d-4c1e-9a55-0d6f2b1c9e11", number: "1001", totalMinor: 50_000, currency: "INR", name: "Asha", email: "asha@example.org", expiresAt: new Date(Date.now() + 15 * 60_000) };
const urls = { success: "https://museum.example/orders/1", cancel: "https://museum.example/pay/1" };
const stripe = fakeStripeForThisFile();

const signed = (event: object, secret = webhookSecret) => {
  const payload = JSON.stringify(event);
  return { payload, headers: new Headers({ "stripe-signature": Stripe.webhooks.generateTestHeaderString({ payload, secret }) }) };
};
const sessionEvent = (type: string, session: object) => ({ id: `evt_${type}`, object: "event", type, data: { object: { id: "cs_test_1", object: "checkout.session", metadata: { orderId: order.id }, ...session } } });

describe("the Stripe adapter", () => {
  it("reads a completed, paid Checkout Session signed with the webhook secret as a payment of the order, with its amount and currency", () => {
    const { payload, headers } = signed(sessionEvent("checkout.session.completed", { payment_status: "paid", payment_intent: "pi_123", amount_total: 50_000, currency: "inr" }));
    expect(stripe.provider.parseWebhook(payload, headers)).toMatchObject({ provider: "stripe", eventId: "evt_checkout.session.completed", type: "paid", orderId: order.id, paymentRef: "pi_123", amountMinor: 50_000, currency: "inr" });
  });

  it("reads an expired session as failed, and other events as nothing to act on", () => {
    const expired = signed(sessionEvent("checkout.session.expired", { payment_status: "unpaid" }));
    expect(stripe.provider.parseWebhook(expired.payload, expired.headers).type).toBe("failed");
    const other = signed({ id: "evt_x", object: "event", type: "customer.created", data: { object: {} } });
    expect(stripe.provider.parseWebhook(other.payload, other.headers).type).toBe("other");
  });

  it("refuses a payload signed with another secret, or changed after signing", () => {
    const forged = signed(sessionEvent("checkout.session.completed", { payment_status: "paid" }), "whsec_someone_else");
    expect(() => stripe.provider.parseWebhook(forged.payload, forged.headers)).toThrow(WebhookSignatureError);
    const good = signed(sessionEvent("checkout.session.completed", { payment_status: "paid", amount_total: 50_000 }));
    expect(() => stripe.provider.parseWebhook(good.payload.replace("50000", "1"), good.headers)).toThrow(WebhookSignatureError);
  });

  it("creates a Checkout Session for the order's total that closes with the order where Stripe allows", async () => {
    const started = await stripe.provider.start(order, urls);
    expect(started).toEqual({ redirectUrl: "https://checkout.stripe.com/c/pay/cs_test_1", providerRef: "cs_test_1" });
    const created = stripe.received.find((request) => request.path === "/v1/checkout/sessions")!.body;
    expect(created.get("line_items[0][price_data][unit_amount]")).toBe("50000");
    expect(created.get("line_items[0][price_data][currency]")).toBe("inr");
    expect(created.get("metadata[orderId]")).toBe(order.id);
    // The order has 15 minutes left; Stripe's shortest session is 30.
    expect(Number(created.get("expires_at")) - Date.now() / 1000).toBeGreaterThan(30 * 60);
    expect(Number(created.get("expires_at")) - Date.now() / 1000).toBeLessThan(32 * 60);
  });

  it("resumes an open session, sends the buyer to the order once it is complete, and gives up on an expired one", async () => {
    const { providerRef } = (await stripe.provider.start(order, urls)) as { providerRef: string };
    expect(await stripe.provider.resume(providerRef, order, urls)).toEqual({ redirectUrl: `https://checkout.stripe.com/c/pay/${providerRef}`, providerRef });
    stripe.sessions.set(providerRef, "complete");
    expect(await stripe.provider.resume(providerRef, order, urls)).toEqual({ redirectUrl: urls.success });
    stripe.sessions.set(providerRef, "expired");
    expect(await stripe.provider.resume(providerRef, order, urls)).toBeUndefined();
  });

  it("refunds the whole payment intent with the idempotency key it is given, and takes 'already refunded' as done", async () => {
    await stripe.provider.refund({ paymentRef: "pi_123", idempotencyKey: "refund-stripe-pi_123" });
    const refund = stripe.received.findLast((request) => request.path === "/v1/refunds")!;
    expect(refund.body.get("payment_intent")).toBe("pi_123");
    expect(refund.body.has("amount")).toBe(false);
    expect(refund.idempotencyKey).toBe("refund-stripe-pi_123");
    // A retry after Stripe forgot the key (a day later) finds the charge refunded: the job is done, not failing forever.
    stripe.refundError = { code: "charge_already_refunded", message: "Charge ch_1 has already been refunded." };
    await expect(stripe.provider.refund({ paymentRef: "pi_123", idempotencyKey: "refund-stripe-pi_123" })).resolves.toBeUndefined();
    stripe.refundError = { code: "resource_missing", message: "No such payment_intent: 'pi_404'" };
    await expect(stripe.provider.refund({ paymentRef: "pi_404", idempotencyKey: "refund-stripe-pi_404" })).rejects.toThrow("No such payment_intent");
    stripe.refundError = undefined;
  });
});
