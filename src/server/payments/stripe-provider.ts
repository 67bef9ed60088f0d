import Stripe from "stripe";
import type { PaymentEvent } from "@/domain/checkout/apply-payment";
import { WebhookSignatureError, type PaymentProvider } from "./provider";

type Session = Stripe.Checkout.Session;

// Stripe refuses a session that expires sooner than this after it is made.
const SHORTEST_SESSION_SECONDS = 31 * 60;

/** Stripe Checkout through the official SDK; `connection` only points it at a local server in tests. */
export function stripeProvider(options: { secretKey: string; webhookSecret: string; connection?: { host: string; port: number; protocol: "http" | "https" } }): PaymentProvider {
  const stripe = new Stripe(options.secretKey, { maxNetworkRetries: 1, ...options.connection });
  return {
    name: "stripe",
    async start(order, urls) {
      const session = await stripe.checkout.sessions.create({
        mode: "payment",
        client_reference_id: order.id,
        customer_email: order.email,
        metadata: { orderId: order.id },
        payment_intent_data: { metadata: { orderId: order.id } },
        line_items: [{ quantity: 1, price_data: { currency: order.currency.toLowerCase(), unit_amount: order.totalMinor, product_data: { name: `Tickets, order ${order.number}` } } }],
        // Closes with the order where Stripe allows, so few payments arrive after the places are gone.
        expires_at: Math.max(Math.ceil(order.expiresAt.getTime() / 1000), Math.floor(Date.now() / 1000) + SHORTEST_SESSION_SECONDS),
        success_url: urls.success,
        cancel_url: urls.cancel,
      });
      if (!session.url) throw new Error("Stripe returned a Checkout Session without a URL");
      return { redirectUrl: session.url, providerRef: session.id };
    },
    async resume(sessionId, _order, urls) {
      const session = await stripe.checkout.sessions.retrieve(sessionId);
      if (session.status === "open" && session.url) return { redirectUrl: session.url, providerRef: session.id };
      // Paid already: the order page shows it as soon as Stripe's event has arrived.
      if (session.status === "complete") return { redirectUrl: urls.success };
      return undefined;
    },
    parseWebhook(rawBody, headers): PaymentEvent {
      let event: Stripe.Event;
      try {
        event = stripe.webhooks.constructEvent(rawBody, headers.get("stripe-signature") ?? "", options.webhookSecret);
      } catch (error) {
        throw new WebhookSignatureError(error instanceof Error ? error.message : "bad Stripe signature");
      }
      const base = { provider: "stripe", eventId: event.id, payload: event };
      if (!event.type.startsWith("checkout.session.")) return { ...base, type: "other" };
      const session = event.data.object as Session;
      const paid = (event.type === "checkout.session.completed" && session.payment_status === "paid") || event.type === "checkout.session.async_payment_succeeded";
      const failed = event.type === "checkout.session.async_payment_failed" || event.type === "checkout.session.expired";
      const paymentRef = typeof session.payment_intent === "string" ? session.payment_intent : session.payment_intent?.id;
      return {
        ...base,
        type: paid ? "paid" : failed ? "failed" : "other",
        orderId: session.metadata?.orderId ?? session.client_reference_id ?? undefined,
        paymentRef,
        amountMinor: session.amount_total ?? undefined,
        currency: session.currency ?? undefined,
      };
    },
    async refund({ paymentRef, idempotencyKey, amountMinor }) {
      try {
        await stripe.refunds.create({ payment_intent: paymentRef, ...(amountMinor === undefined ? {} : { amount: amountMinor }) }, { idempotencyKey });
      } catch (error) {
        // Stripe keeps idempotency keys for a day; a retry after that finds the refund already made.
        if ((error as { code?: unknown }).code === "charge_already_refunded") return;
        throw error;
      }
    },
  };
}
