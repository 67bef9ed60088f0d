import { sql } from "drizzle-orm";
import type { Database, Executor } from "../../db/client";
import { recordHoldsExpired } from "../funnel/holds-expired";
import { lockSlots } from "./holds";

/**
 * Marks one slot's held cart lines whose timer has run out as expired and gives their places
 * back. The slot is locked first; lines that another transaction holds are skipped (the next
 * sweep takes them), so once this has the slot it never waits, and cannot join a deadlock.
 */
export async function releaseExpiredHoldsOfSlot(db: Executor, slotId: string, now: Date): Promise<number> {
  return (await expireHoldsOfSlot(db, slotId, now)).released;
}

/** releaseExpiredHoldsOfSlot, also telling how many cart lines expired. */
async function expireHoldsOfSlot(db: Executor, slotId: string, now: Date): Promise<{ released: number; lines: number }> {
  await lockSlots(db, [slotId]);
  const result = await db.execute<{ released: number; lines: number }>(sql`
    WITH expired AS (
      UPDATE cart_items ci SET status = 'expired'
      WHERE ci.id IN (
        SELECT id FROM cart_items
        WHERE slot_id = ${slotId} AND status = 'held' AND hold_expires_at <= ${now}
        FOR UPDATE SKIP LOCKED
      )
      RETURNING ci.cart_id, ci.slot_id, ci.quantity, ci.ticket_type_id
    ), ${recordHoldsExpired(now)}, released AS (
      SELECT coalesce(sum(e.quantity) FILTER (WHERE t.consumes_capacity), 0)::int AS n
      FROM expired e JOIN ticket_types t ON t.id = e.ticket_type_id
    ), freed AS (
      UPDATE time_slots SET held = held - (SELECT n FROM released)
      WHERE id = ${slotId} AND (SELECT n FROM released) > 0
    )
    SELECT n AS released, (SELECT count(*)::int FROM expired) AS lines FROM released`);
  return result.rows[0] ?? { released: 0, lines: 0 };
}

/** The sweeper's pass: every slot with expired holds, one short transaction per slot. */
export async function releaseAllExpiredHolds(db: Database, now: Date, batch = 500): Promise<{ slots: number; released: number; lines: number }> {
  const { rows } = await db.execute<{ slot_id: string }>(sql`
    SELECT DISTINCT slot_id FROM cart_items WHERE status = 'held' AND hold_expires_at <= ${now} LIMIT ${batch}`);
  let released = 0;
  let lines = 0;
  for (const { slot_id: slotId } of rows) {
    const expired = await db.transaction((tx) => expireHoldsOfSlot(tx, slotId, now));
    released += expired.released;
    lines += expired.lines;
  }
  return { slots: rows.length, released, lines };
}
