import { sql, type SQL } from "drizzle-orm";

/**
 * A common table expression recording, in the statement that expires them, the cart lines of a
 * preceding `expired` CTE (returning cart_id, slot_id, quantity) as hold_expired funnel events.
 */
export const recordHoldsExpired = (now: Date): SQL => sql`
  holds_expired_recorded AS (
    INSERT INTO funnel_events (kind, at, cart_id, slot_id, quantity)
    SELECT 'hold_expired', ${now}::timestamptz, cart_id, slot_id, quantity FROM expired
  )`;
