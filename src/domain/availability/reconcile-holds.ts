import { sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { lockSlots } from "./holds";

/** The places a slot `s`'s held cart lines, orders waiting for payment and waiting-list offers account for (invariant 3). */
export const LIVE_HOLDS = sql`((
  SELECT coalesce(sum(ci.quantity), 0)::int FROM cart_items ci JOIN ticket_types t ON t.id = ci.ticket_type_id
  WHERE ci.slot_id = s.id AND ci.status = 'held' AND t.consumes_capacity
) + (
  SELECT coalesce(sum(oi.quantity), 0)::int FROM order_items oi JOIN orders o ON o.id = oi.order_id
  WHERE oi.slot_id = s.id AND o.status = 'pending_payment' AND oi.consumes_capacity
) + (
  SELECT coalesce(sum(w.quantity), 0)::int FROM waitlist_entries w WHERE w.slot_id = s.id AND w.status = 'offered'
))`;

/**
 * Invariant 8: compares each slot's `held` with the places its held lines and pending orders account for, and
 * repairs any difference under the slot's lock (which every change to `held` also takes, so the
 * comparison is exact). Returns the slots repaired; anything but 0 is a bug to look into.
 */
export async function reconcileHolds(db: Database): Promise<{ slotId: string; held: number; expected: number }[]> {
  const { rows: suspects } = await db.execute<{ id: string }>(sql`SELECT s.id FROM time_slots s WHERE s.held <> ${LIVE_HOLDS}`);
  const repaired: { slotId: string; held: number; expected: number }[] = [];
  for (const { id } of suspects) {
    const fixed = await db.transaction(async (tx) => {
      // Lock, then count in a second statement: it sees everything committed while we waited.
      await lockSlots(tx, [id]);
      const { rows } = await tx.execute<{ held: number; expected: number }>(sql`SELECT s.held, ${LIVE_HOLDS} AS expected FROM time_slots s WHERE s.id = ${id}`);
      const row = rows[0];
      if (!row || row.held === row.expected) return undefined;
      await tx.execute(sql`UPDATE time_slots SET held = ${row.expected} WHERE id = ${id}`);
      return { slotId: id, ...row };
    });
    if (fixed) repaired.push(fixed);
  }
  return repaired;
}
