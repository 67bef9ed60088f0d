import type { Logger } from "../logger";
import { metrics } from "../metrics";

export type AttentionReason = "unmatched" | "refund_failed";

/**
 * Every captured payment that no rule could turn into tickets or a refund comes through here: one
 * error line with this one message to search the log for, and payments_needing_attention_total.
 */
export function paymentNeedsAPerson(log: Logger, reason: AttentionReason, details: Record<string, unknown>): void {
  metrics().paymentsNeedingAttention.inc({ reason });
  log.error({ ...details, reason }, "a payment needs a person");
}
