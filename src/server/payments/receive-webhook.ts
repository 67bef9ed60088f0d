import { z } from "zod";
import { applyPaymentEvent, isRefundReason, type PaymentEvent, type PaymentOutcome } from "@/domain/checkout/apply-payment";
import type { Ctx } from "@/domain/context";
import { DomainError } from "@/domain/errors";
import { readLimited } from "../http/body";
import { logger } from "../logger";
import { metrics } from "../metrics";
import { kickOutboxSoon } from "../outbox/outbox";
import { paymentNeedsAPerson } from "./attention";
import { paymentProvider } from "./payment-provider";
import { isWebhookSignatureError, type PaymentProvider } from "./provider";

/** The provider a webhook path names, if it is the one this server takes payments with. */
function providerForPath(name: string): PaymentProvider {
  const configured = paymentProvider();
  if (configured.name === name) return configured;
  throw new DomainError("not_found", "There is no such payment provider here.");
}

// What applying an event relies on, checked after the provider's own parsing: a correctly signed
// body can still be `null`, or name no event.
const eventShape = z.object({
  eventId: z.string().min(1).max(255),
  type: z.enum(["paid", "failed", "other"]),
  orderId: z.string().max(255).optional(),
  providerOrderRef: z.string().max(255).optional(),
  paymentRef: z.string().max(255).optional(),
  // payments.amount_minor is a PostgreSQL integer.
  amountMinor: z.number().int().min(0).max(2_147_483_647).optional(),
  currency: z.string().max(8).optional(),
});

const notAnEvent = () => new DomainError("invalid_request", "The webhook body is not an event we understand; nothing was changed.", { fields: { body: "is not a payment event" } });

/** The event a webhook carries, or 400 and nothing changed. Parsing is pure, so whatever it throws is about the body. */
function parseEvent(provider: PaymentProvider, raw: string, headers: Headers): PaymentEvent {
  let event: PaymentEvent;
  try {
    event = provider.parseWebhook(raw, headers);
  } catch (error) {
    if (isWebhookSignatureError(error)) throw new DomainError("invalid_request", "The webhook signature does not match; nothing was changed.", { fields: { signature: "does not match" } });
    throw notAnEvent();
  }
  if (!eventShape.safeParse(event).success) throw notAnEvent();
  return event;
}

/**
 * A provider's webhook: the signature is checked before anything is read or written (400 and no
 * change when it fails), then the event is applied once, and the outbox is kicked so the tickets
 * (or the refund) leave at once. Every refunded payment is a warning line and payment_refunds_total;
 * every payment that needs a person an error line and payments_needing_attention_total.
 */
export async function receiveWebhook(ctx: Ctx, providerName: string, request: Request): Promise<PaymentOutcome> {
  const provider = providerForPath(providerName);
  const raw = await readLimited(request);
  const event = parseEvent(provider, raw, request.headers);
  const outcome = await applyPaymentEvent({ ctx, input: event });
  const facts = { provider: provider.name, eventId: event.eventId, orderId: event.orderId, providerOrderRef: event.providerOrderRef, paymentRef: event.paymentRef, amountMinor: event.amountMinor, currency: event.currency, outcome };
  if (outcome === "unmatched_payment") paymentNeedsAPerson(logger(), "unmatched", facts);
  else if (isRefundReason(outcome)) {
    metrics().paymentRefunds.inc({ reason: outcome });
    logger().warn(facts, "a captured payment is being refunded");
  } else logger().info(facts, "payment event");
  if (outcome !== "duplicate") kickOutboxSoon();
  return outcome;
}
