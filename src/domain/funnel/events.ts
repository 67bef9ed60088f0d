/** The steps of the booking funnel, as recorded in `funnel_events`. */
export const FUNNEL_KINDS = ["cart_add", "hold_expired", "checkout", "payment_started", "paid", "sign_in", "first_cart_after_sign_in"] as const;
export type FunnelKind = (typeof FUNNEL_KINDS)[number];

/** A cart add that succeeded; any other outcome of a cart_add is the refusal's error code. */
export const ADDED = "ok";

export type FunnelEvent = {
  kind: FunnelKind;
  cartId?: string | null;
  userId?: string | null;
  orderId?: string | null;
  slotId?: string | null;
  quantity?: number | null;
  outcome?: string | null;
  durationMs?: number | null;
};

/** What is told of recorded events beyond the database (Prometheus): set by the server on the verbs' ctx. */
export type FunnelObserver = (events: readonly FunnelEvent[]) => void;
