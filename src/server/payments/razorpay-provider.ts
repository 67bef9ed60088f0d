import { createHash } from "node:crypto";
import Razorpay from "razorpay";
import { validateWebhookSignature } from "razorpay/dist/utils/razorpay-utils";
import type { PaymentEvent } from "@/domain/checkout/apply-payment";
import { WebhookSignatureError, type PayableOrder, type PaymentProvider } from "./provider";

type Entity = { id: string };
type PaymentEntity = Entity & { order_id?: string; amount?: number; currency?: string };
type Webhook = { event: string; payload: { payment?: { entity: PaymentEntity }; order?: { entity: Entity }; refund?: { entity: Entity } } };

/**
 * Razorpay's Orders API and Checkout through the official SDK; the buyer pays in Razorpay's checkout
 * on our page. `hostUrl` only points it at a local server in tests (the SDK has no option for it, so
 * it is set on the SDK's HTTP client).
 */
export function razorpayProvider(options: { keyId: string; keySecret: string; webhookSecret: string; hostUrl?: string }): PaymentProvider {
  const razorpay = new Razorpay({ key_id: options.keyId, key_secret: options.keySecret });
  if (options.hostUrl) (razorpay as unknown as { api: { rq: { defaults: { baseURL: string } } } }).api.rq.defaults.baseURL = options.hostUrl;
  const checkout = (razorpayOrderId: string, order: PayableOrder) => ({
    providerRef: razorpayOrderId,
    checkout: { key: options.keyId, order_id: razorpayOrderId, amount: order.totalMinor, currency: order.currency, name: `Order ${order.number}`, prefill: { name: order.name, email: order.email } },
  });
  return {
    name: "razorpay",
    async start(order) {
      const created = await razorpay.orders.create({ amount: order.totalMinor, currency: order.currency, receipt: order.number, notes: { orderId: order.id } });
      return checkout(created.id, order);
    },
    // A Razorpay order takes one captured payment and stays usable until then: the same one serves every view and tab.
    async resume(razorpayOrderId, order) {
      return checkout(razorpayOrderId, order);
    },
    parseWebhook(rawBody, headers): PaymentEvent {
      const signature = headers.get("x-razorpay-signature") ?? "";
      if (!signature || !validateWebhookSignature(rawBody, signature, options.webhookSecret)) throw new WebhookSignatureError("The Razorpay signature does not match.");
      const webhook = JSON.parse(rawBody) as Webhook;
      const payment = webhook.payload.payment?.entity;
      const order = webhook.payload.order?.entity;
      // The event's name is only in an unsigned header, so a captured body could come again under a
      // new one: the signed body names it instead (its event and the entity it is about).
      const about = webhook.payload.refund?.entity.id ?? payment?.id ?? order?.id ?? createHash("sha256").update(rawBody).digest("hex");
      // The payment's order is the one we made server-side; its notes are the buyer's to change in Checkout.
      const base = { provider: "razorpay", eventId: `${webhook.event}:${about}`, payload: webhook, providerOrderRef: payment?.order_id ?? order?.id, paymentRef: payment?.id };
      if (webhook.event === "payment.captured" || webhook.event === "order.paid") return { ...base, type: "paid", amountMinor: payment?.amount, currency: payment?.currency };
      if (webhook.event === "payment.failed") return { ...base, type: "failed" };
      return { ...base, type: "other" };
    },
    async refund({ paymentRef, idempotencyKey, amountMinor }) {
      const notes = { idempotencyKey };
      if (amountMinor !== undefined) {
        // Razorpay takes no idempotency key for refunds: a part refund carries ours in its notes, and a
        // retry after a lost answer finds it there and refunds nothing twice.
        const made = await razorpay.payments.fetchMultipleRefund(paymentRef, { count: 100 });
        if (made.items.some((refund) => (refund.notes as Record<string, unknown> | undefined)?.idempotencyKey === idempotencyKey)) return;
        await razorpay.payments.refund(paymentRef, { amount: amountMinor, receipt: idempotencyKey.slice(0, 40), notes });
        return;
      }
      // The whole payment: what it has already given back is the check, so a retry after a lost answer
      // refunds nothing twice, and the refund is what was captured.
      const payment = await razorpay.payments.fetch(paymentRef);
      const remaining = Number(payment.amount) - Number(payment.amount_refunded ?? 0);
      if (remaining <= 0) return;
      await razorpay.payments.refund(paymentRef, { amount: remaining, receipt: idempotencyKey.slice(0, 40), notes });
    },
  };
}
