import { createHmac, hkdfSync, randomUUID, timingSafeEqual } from "node:crypto";
import type { PaymentEvent } from "@/domain/checkout/apply-payment";
import { WebhookSignatureError, type PaymentProvider } from "./provider";

export const TEST_SIGNATURE_HEADER = "x-test-signature";
const TOLERANCE_SECONDS = 300;

type TestEventBody = { id: string; type: "payment.succeeded" | "payment.failed"; orderId: string; amount: number; currency: string };
/** What the test provider's page charges: the order's total, in its currency. */
export type TestCharge = { id: string; totalMinor: number; currency: string };

/**
 * The built-in provider: our own hosted page (`/pay/test/{id}`) with "Pay" and "Decline", which
 * reports to our webhook exactly as a real provider would, signed (HMAC-SHA256 over the
 * timestamp and body, Stripe's scheme), so the whole flow runs offline. Each "Pay" is a payment of
 * its own, as each press of a real provider's button would be.
 */
type Signed = { body: string; signature: string };

export function testProvider(secret: string): PaymentProvider & { signedEvent: (outcome: "pay" | "decline", charge: TestCharge) => Signed; signedBody: (body: string) => Signed } {
  const key = Buffer.from(hkdfSync("sha256", secret, "museum-tickets", "test-payment-webhook", 32));
  const sign = (timestamp: number, body: string) => createHmac("sha256", key).update(`${timestamp}.${body}`).digest("hex");

  return {
    name: "test",
    async start() {
      return { redirectUrl: "" };
    },
    async resume() {
      return undefined;
    },
    signedEvent(outcome, charge) {
      const event: TestEventBody = { id: `evt_test_${randomUUID()}`, type: outcome === "pay" ? "payment.succeeded" : "payment.failed", orderId: charge.id, amount: charge.totalMinor, currency: charge.currency };
      return this.signedBody(JSON.stringify(event));
    },
    signedBody(body) {
      const timestamp = Math.floor(Date.now() / 1000);
      return { body, signature: `t=${timestamp},v1=${sign(timestamp, body)}` };
    },
    parseWebhook(rawBody, headers): PaymentEvent {
      const parts = Object.fromEntries((headers.get(TEST_SIGNATURE_HEADER) ?? "").split(",").map((part) => part.split("=") as [string, string]));
      const timestamp = Number(parts.t);
      const given = Buffer.from(parts.v1 ?? "", "hex");
      const expected = Buffer.from(sign(timestamp, rawBody), "hex");
      if (!Number.isFinite(timestamp) || Math.abs(Date.now() / 1000 - timestamp) > TOLERANCE_SECONDS || given.length !== expected.length || !timingSafeEqual(given, expected)) {
        throw new WebhookSignatureError("The test payment signature does not match.");
      }
      const event = JSON.parse(rawBody) as TestEventBody;
      return { provider: "test", eventId: event.id, type: event.type === "payment.succeeded" ? "paid" : "failed", orderId: event.orderId, paymentRef: `pay_test_${event.id}`, amountMinor: event.amount, currency: event.currency, payload: event };
    },
    async refund() {
      // Nothing was charged: the refund is the payment's new status and the buyer's e-mail.
    },
  };
}
