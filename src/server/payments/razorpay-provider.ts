import { createHash } from "node:crypto";
import Razorpay from "razorpay";
import { validateWebhookSignature } from "razorpay/dist/utils/razorpay-utils";
import type { PaymentEvent } from "@/domain/checkout/apply-payment";
import { WebhookSignatureError, type PaymentProvider } from "./provider";

type PaymentEntity = { id: string; order_id?: string; amount: number; notes?: { orderId?: string } };
type Webhook = { event: string; payload: { payment?: { entity: PaymentEntity }; order?: { entity: { id: string; amount: number; notes?: { orderId?: string } } } } };

/** Razorpay's Orders API and Checkout through the official SDK; the buyer pays in Razorpay's checkout on our page. */
export function razorpayProvider(options: { keyId: string; keySecret: string; webhookSecret: string }): PaymentProvider {
  const razorpay = new Razorpay({ key_id: options.keyId, key_secret: options.keySecret });
  return {
    name: "razorpay",
    async start(order) {
      const created = await razorpay.orders.create({ amount: order.totalMinor, currency: order.currency, receipt: order.number, notes: { orderId: order.id } });
      return {
        providerRef: created.id,
        checkout: { key: options.keyId, order_id: created.id, amount: order.totalMinor, currency: order.currency, name: `Order ${order.number}`, prefill: { name: order.name, email: order.email }, notes: { orderId: order.id } },
      };
    },
    parseWebhook(rawBody, headers): PaymentEvent {
      const signature = headers.get("x-razorpay-signature") ?? "";
      if (!signature || !validateWebhookSignature(rawBody, signature, options.webhookSecret)) throw new WebhookSignatureError("The Razorpay signature does not match.");
      const webhook = JSON.parse(rawBody) as Webhook;
      // Razorpay names each delivery in a header; the body's hash stands in when a proxy dropped it.
      const eventId = headers.get("x-razorpay-event-id") ?? createHash("sha256").update(rawBody).digest("hex");
      const payment = webhook.payload.payment?.entity;
      const order = webhook.payload.order?.entity;
      const base = { provider: "razorpay", eventId, payload: webhook, orderId: payment?.notes?.orderId ?? order?.notes?.orderId, paymentRef: payment?.id };
      if (webhook.event === "payment.captured" || webhook.event === "order.paid") return { ...base, type: "paid", amountMinor: order?.amount ?? payment?.amount };
      if (webhook.event === "payment.failed") return { ...base, type: "failed" };
      return { ...base, type: "other" };
    },
    async refund(order) {
      if (!order.paymentRef) throw new Error(`order ${order.number} has no Razorpay payment to refund`);
      await razorpay.payments.refund(order.paymentRef, { amount: order.totalMinor, notes: { orderId: order.id } });
    },
  };
}
