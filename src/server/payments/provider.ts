import { brand } from "@/domain/brand";
import type { PaymentEvent } from "@/domain/checkout/apply-payment";

/** What a provider needs of an order to take or give back its money. */
export type PayableOrder = { id: string; number: string; totalMinor: number; currency: string; name: string; email: string; providerRef: string | null; paymentRef: string | null };

/** Where the buyer goes next: a redirect to the provider's page, or the data our own page needs to open the provider's checkout. */
export type PaymentStart = { redirectUrl: string; providerRef?: string } | { checkout: Record<string, unknown>; providerRef: string };

/** A webhook whose signature does not check out: answered 400, nothing changed. */
export class WebhookSignatureError extends Error {
  constructor(message = "bad webhook signature") {
    super(message);
    webhookSignatureError.mark(this);
  }
}
const webhookSignatureError = brand<WebhookSignatureError>("WebhookSignatureError");
export const isWebhookSignatureError = webhookSignatureError.is;

/**
 * One payment provider behind the same three calls. None is ever made inside a database
 * transaction (invariant 7).
 */
export interface PaymentProvider {
  readonly name: "test" | "razorpay" | "stripe";
  start(order: PayableOrder, urls: { success: string; cancel: string }): Promise<PaymentStart>;
  /** Checks the signature first, then reads the event; throws WebhookSignatureError for a bad one. */
  parseWebhook(rawBody: string, headers: Headers): PaymentEvent;
  refund(order: PayableOrder): Promise<void>;
}
