import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { WebhookSignatureError } from "./provider";
import { razorpayProvider } from "./razorpay-provider";

const webhookSecret = "razorpay_webhook_local_secret";
const provider = razorpayProvider({ keyId: "rzp_test_local", keySecret: "local_key_secret", webhookSecret });
const orderId = "3f1e6c1a-2b7d-4c1e-9a55-0d6f2b1c9e11";

// Razorpay signs the raw body with HMAC-SHA256 and the webhook secret, hex, in X-Razorpay-Signature.
const signed = (body: object, secret = webhookSecret) => {
  const payload = JSON.stringify(body);
  return { payload, headers: new Headers({ "x-razorpay-signature": createHmac("sha256", secret).update(payload).digest("hex"), "x-razorpay-event-id": "evt_rzp_1" }) };
};
const captured = { event: "payment.captured", payload: { payment: { entity: { id: "pay_rzp_1", order_id: "order_rzp_1", amount: 50_000, notes: { orderId } } } } };

describe("the Razorpay adapter", () => {
  it("reads a captured payment signed with the webhook secret as a payment of the order", () => {
    const { payload, headers } = signed(captured);
    expect(provider.parseWebhook(payload, headers)).toMatchObject({ provider: "razorpay", eventId: "evt_rzp_1", type: "paid", orderId, paymentRef: "pay_rzp_1", amountMinor: 50_000 });
  });

  it("reads a failed payment as failed", () => {
    const { payload, headers } = signed({ event: "payment.failed", payload: { payment: { entity: { id: "pay_rzp_2", amount: 50_000, notes: { orderId } } } } });
    expect(provider.parseWebhook(payload, headers)).toMatchObject({ type: "failed", orderId });
  });

  it("refuses a payload signed with another secret, changed after signing, or unsigned", () => {
    const forged = signed(captured, "someone else's secret");
    expect(() => provider.parseWebhook(forged.payload, forged.headers)).toThrow(WebhookSignatureError);
    const good = signed(captured);
    expect(() => provider.parseWebhook(good.payload.replace("50000", "1"), good.headers)).toThrow(WebhookSignatureError);
    expect(() => provider.parseWebhook(good.payload, new Headers())).toThrow(WebhookSignatureError);
  });
});
