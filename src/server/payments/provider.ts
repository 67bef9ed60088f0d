import { brand } from "@/domain/brand";
import type { CounterPayment } from "@/domain/box-office/sale-input";
import type { PaymentEvent } from "@/domain/checkout/apply-payment";

/** What a provider needs of an order to take its money. */
export type PayableOrder = { id: string; number: string; totalMinor: number; currency: string; name: string; email: string; expiresAt: Date };

/** A captured payment to give back, whole or `amountMinor` of it; the key makes a retried refund the same refund. */
export type RefundRequest = { paymentRef: string; idempotencyKey: string; amountMinor?: number };

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

export type PaymentUrls = { success: string; cancel: string };

/**
 * One payment provider behind the same calls. None is ever made inside a database transaction
 * (invariant 7).
 */
export interface PaymentProvider {
  readonly name: "test" | "razorpay" | "stripe" | CounterPayment;
  /** Makes the provider's session or order for ours, where the buyer pays. */
  start(order: PayableOrder, urls: PaymentUrls): Promise<PaymentStart>;
  /** The session or order `start` made before, while the buyer can still use it; undefined once it can no longer be paid. */
  resume(providerRef: string, order: PayableOrder, urls: PaymentUrls): Promise<PaymentStart | undefined>;
  /** Checks the signature first, then reads the event; throws WebhookSignatureError for a bad one. */
  parseWebhook(rawBody: string, headers: Headers): PaymentEvent;
  /** Gives back a captured payment (the whole of it, or `amountMinor`), once however often it is called with the same key. */
  refund(request: RefundRequest): Promise<void>;
}
