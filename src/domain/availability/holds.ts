import { asc, inArray, sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { timeSlots } from "../../db/schema";

/**
 * Takes `quantity` places of a slot in one statement (DESIGN.md invariant 2): it succeeds only
 * if the slot is open, not yet started, and has the room, so concurrent takers can never
 * oversell. Returns false, changing nothing, otherwise.
 */
export async function takeHold(db: Executor, slotId: string, quantity: number, now: Date): Promise<boolean> {
  const result = await db.execute(sql`
    UPDATE time_slots SET held = held + ${quantity}
    WHERE id = ${slotId} AND status = 'open' AND starts_at > ${now} AND held + sold + ${quantity} <= capacity`);
  return result.rowCount === 1;
}

export async function releaseHold(db: Executor, slotId: string, quantity: number): Promise<void> {
  await db.execute(sql`UPDATE time_slots SET held = held - ${quantity} WHERE id = ${slotId}`);
}

/**
 * Locks slots in id order, once each, so transactions touching several never deadlock (invariant 6).
 * NO KEY UPDATE, the lock an UPDATE of `held` takes: a stronger one would also wait for the key-share
 * lock each new cart line takes on its slot, and two such adds would deadlock.
 */
export async function lockSlots(db: Executor, slotIds: string[]): Promise<void> {
  const ids = [...new Set(slotIds)];
  if (ids.length === 0) return;
  await db.select({ id: timeSlots.id }).from(timeSlots).where(inArray(timeSlots.id, ids)).orderBy(asc(timeSlots.id)).for("no key update");
}
