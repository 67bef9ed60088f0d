import type { FunnelObserver } from "@/domain/funnel/events";
import { metrics } from "./metrics";

/** The funnel's Prometheus side: every event the verbs record is counted, and each session establishment timed. */
export const countFunnel: FunnelObserver = (events) => {
  const { funnelEvents, signInToFirstCart } = metrics();
  for (const event of events) {
    funnelEvents.inc({ kind: event.kind, outcome: event.outcome ?? "" });
    if (event.kind === "first_cart_after_sign_in" && event.durationMs != null) signInToFirstCart.observe(event.durationMs / 1000);
  }
};
