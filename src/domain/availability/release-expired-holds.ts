import { sql } from "drizzle-orm";
import type { Database, Executor } from "../../db/client";
import { lockSlots } from "./holds";

/**
 * Marks one slot's held cart lines whose timer has run out as expired and gives their places
 * back. The slot is locked first; lines that another transaction holds are skipped (the next
 * sweep takes them), so once this has the slot it never waits, and cannot join a deadlock.
 */
export async function releaseExpiredHoldsOfSlot(db: Executor, slotId: string, now: Date): Promise<number> {
  await lockSlots(db, [slotId]);
  const result = await db.execute<{ released: number }>(sql`
    WITH expired AS (
      UPDATE cart_items ci SET status = 'expired'
      WHERE ci.id IN (
        SELECT id FROM cart_items
        WHERE slot_id = ${slotId} AND status = 'held' AND hold_expires_at <= ${now}
        FOR UPDATE SKIP LOCKED
      )
      RETURNING ci.quantity, ci.ticket_type_id
    ), released AS (
      SELECT coalesce(sum(e.quantity) FILTER (WHERE t.consumes_capacity), 0)::int AS n
      FROM expired e JOIN ticket_types t ON t.id = e.ticket_type_id
    ), freed AS (
      UPDATE time_slots SET held = held - (SELECT n FROM released)
      WHERE id = ${slotId} AND (SELECT n FROM released) > 0
    )
    SELECT n AS released FROM released`);
  return result.rows[0]?.released ?? 0;
}

/** The sweeper's pass: every slot with expired holds, one short transaction per slot. */
export async function releaseAllExpiredHolds(db: Database, now: Date, batch = 500): Promise<{ slots: number; released: number }> {
  const { rows } = await db.execute<{ slot_id: string }>(sql`
    SELECT DISTINCT slot_id FROM cart_items WHERE status = 'held' AND hold_expires_at <= ${now} LIMIT ${batch}`);
  let released = 0;
  for (const { slot_id: slotId } of rows) {
    released += await db.transaction((tx) => releaseExpiredHoldsOfSlot(tx, slotId, now));
  }
  return { slots: rows.length, released };
}
