import { sql } from "drizzle-orm";
import type { VenueDate } from "../calendar/venue-time";
import type { Ctx } from "../context";
import { ADDED } from "../funnel/events";
import { authorize } from "../staff/authorize";
import { reportRange } from "./report-range";

export type FunnelReport = {
  from: VenueDate;
  to: VenueDate;
  /** Distinct carts that took places at least once. */
  cartsAdded: number;
  addsSucceeded: number;
  addsRefused: number;
  /** Refused adds by their error code. */
  refusedBy: Record<string, number>;
  /** addsSucceeded / all adds; null when there were none. */
  cartAddSuccessRate: number | null;
  holdsExpired: number;
  checkouts: number;
  paymentsStarted: number;
  paid: number;
  signIns: number;
  /** From a sign-in to that user's first successful add after it (the old system's "session establishment time"). */
  signInToFirstCart: { count: number; medianMs: number | null; p95Ms: number | null };
};

type Totals = { carts_added: number; adds_ok: number; adds_refused: number; holds_expired: number; checkouts: number; payments_started: number; paid: number; sign_ins: number; first_carts: number; median_ms: number | null; p95_ms: number | null };

/** Staff: the booking funnel over a range of venue days, from the events the domain verbs recorded. */
export async function funnelReport({ ctx, input }: { ctx: Ctx; input: { from?: VenueDate; to?: VenueDate } }): Promise<FunnelReport> {
  authorize(ctx, "staff");
  const range = reportRange(ctx, input);
  const inRange = sql`at >= ${range.start} AND at < ${range.end}`;
  const [totals, refusals] = await Promise.all([
    ctx.db.execute<Totals>(sql`
      SELECT
        count(DISTINCT cart_id) FILTER (WHERE kind = 'cart_add' AND outcome = ${ADDED})::int AS carts_added,
        count(*) FILTER (WHERE kind = 'cart_add' AND outcome = ${ADDED})::int AS adds_ok,
        count(*) FILTER (WHERE kind = 'cart_add' AND outcome <> ${ADDED})::int AS adds_refused,
        count(*) FILTER (WHERE kind = 'hold_expired')::int AS holds_expired,
        count(*) FILTER (WHERE kind = 'checkout')::int AS checkouts,
        count(*) FILTER (WHERE kind = 'payment_started')::int AS payments_started,
        count(*) FILTER (WHERE kind = 'paid')::int AS paid,
        count(*) FILTER (WHERE kind = 'sign_in')::int AS sign_ins,
        count(*) FILTER (WHERE kind = 'first_cart_after_sign_in')::int AS first_carts,
        round(percentile_cont(0.5) WITHIN GROUP (ORDER BY duration_ms) FILTER (WHERE kind = 'first_cart_after_sign_in'))::int AS median_ms,
        round(percentile_cont(0.95) WITHIN GROUP (ORDER BY duration_ms) FILTER (WHERE kind = 'first_cart_after_sign_in'))::int AS p95_ms
      FROM funnel_events WHERE ${inRange}`),
    ctx.db.execute<{ outcome: string; n: number }>(sql`
      SELECT outcome, count(*)::int AS n FROM funnel_events WHERE ${inRange} AND kind = 'cart_add' AND outcome <> ${ADDED} GROUP BY outcome ORDER BY n DESC, outcome`),
  ]);
  const t = totals.rows[0]!;
  const adds = t.adds_ok + t.adds_refused;
  return {
    from: range.from,
    to: range.to,
    cartsAdded: t.carts_added,
    addsSucceeded: t.adds_ok,
    addsRefused: t.adds_refused,
    refusedBy: Object.fromEntries(refusals.rows.map((row) => [row.outcome, row.n])),
    cartAddSuccessRate: adds > 0 ? Math.round((t.adds_ok / adds) * 1000) / 1000 : null,
    holdsExpired: t.holds_expired,
    checkouts: t.checkouts,
    paymentsStarted: t.payments_started,
    paid: t.paid,
    signIns: t.sign_ins,
    signInToFirstCart: { count: t.first_carts, medianMs: t.median_ms, p95Ms: t.p95_ms },
  };
}
