import { sql } from "drizzle-orm";
import type { Ctx } from "../context";
import type { FunnelEvent } from "./events";

// An integer column of milliseconds holds 24.8 days; a session renewed by use outlives that.
const MAX_DURATION_MS = 2_147_483_647;

/**
 * For users whose cart just took places: the first such success since their latest sign-in, with
 * the time since it (the old system's "session establishment time"). One statement for a whole
 * batch; the unique sign_in_id keeps it once per sign-in, however many adds race for it.
 */
export async function recordFirstCartsAfterSignIn(ctx: Ctx, carts: readonly { userId: string; cartId: string }[]): Promise<void> {
  if (carts.length === 0) return;
  const now = ctx.now();
  const values = carts.map((cart) => sql`(${cart.userId}::text, ${cart.cartId}::uuid)`);
  const { rows } = await ctx.db.execute<{ user_id: string; cart_id: string; duration_ms: number }>(sql`
    INSERT INTO funnel_events (kind, at, user_id, cart_id, duration_ms, sign_in_id)
    SELECT 'first_cart_after_sign_in', ${now}::timestamptz, v.user_id, v.cart_id,
      least(greatest(0, round(extract(epoch FROM ${now}::timestamptz - s.at) * 1000)), ${MAX_DURATION_MS})::int, s.id
    FROM (VALUES ${sql.join(values, sql`, `)}) AS v(user_id, cart_id)
    CROSS JOIN LATERAL (
      SELECT id, at FROM funnel_events WHERE kind = 'sign_in' AND user_id = v.user_id ORDER BY id DESC LIMIT 1
    ) s
    ON CONFLICT (sign_in_id) WHERE sign_in_id IS NOT NULL DO NOTHING
    RETURNING user_id, cart_id, duration_ms`);
  const events: FunnelEvent[] = rows.map((row) => ({ kind: "first_cart_after_sign_in", userId: row.user_id, cartId: row.cart_id, durationMs: row.duration_ms }));
  if (events.length > 0) ctx.funnel?.(events);
}
