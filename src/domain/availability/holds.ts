import { asc, inArray, sql, type SQL } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { timeSlots } from "../../db/schema";
import { bookableNow, type SalesWindow } from "./slot-bookable";

/**
 * The one statement that takes places (DESIGN.md invariant 2): it changes the slot only if the
 * slot is bookable now and has the room, so concurrent takers can never oversell.
 */
export const holdStatement = (slotId: string, quantity: number, window: SalesWindow): SQL => sql`
  UPDATE time_slots SET held = held + ${quantity}
  WHERE id = ${slotId} AND ${bookableNow(window)} AND held + sold + ${quantity} <= capacity`;

/** Takes `quantity` places of the slot; false, changing nothing, when it is not bookable or has not the room. */
export async function takeHold(db: Executor, slotId: string, quantity: number, window: SalesWindow): Promise<boolean> {
  return (await db.execute(holdStatement(slotId, quantity, window))).rowCount === 1;
}

export async function releaseHold(db: Executor, slotId: string, quantity: number): Promise<void> {
  await db.execute(sql`UPDATE time_slots SET held = held - ${quantity} WHERE id = ${slotId}`);
}

/**
 * For a line that takes no places (a free under-3 ticket): true when the slot is bookable now, and
 * the slot is kept from being deleted until this transaction ends, as a hold's UPDATE would keep it.
 * Without the lock a schedule change could delete the slot under the new line.
 */
export async function keepBookable(db: Executor, slotId: string, window: SalesWindow): Promise<boolean> {
  return (await db.execute(sql`SELECT 1 FROM time_slots WHERE id = ${slotId} AND ${bookableNow(window)} FOR KEY SHARE`)).rowCount === 1;
}

/**
 * Locks slots in id order, once each, so transactions touching several never deadlock (invariant 6).
 * NO KEY UPDATE, the lock an UPDATE of `held` takes: a stronger one would also wait for the key-share
 * lock each new cart line takes on its slot, and two such adds would deadlock. A slot about to be
 * deleted takes UPDATE, which waits for those key-share locks, so what it sees next is committed.
 */
export async function lockSlots(db: Executor, slotIds: string[], strength: "no key update" | "update" = "no key update"): Promise<void> {
  const ids = [...new Set(slotIds)];
  if (ids.length === 0) return;
  await db.select({ id: timeSlots.id }).from(timeSlots).where(inArray(timeSlots.id, ids)).orderBy(asc(timeSlots.id)).for(strength);
}

/**
 * The counter's form of the one statement (invariant 10): places go straight to `sold`, under the
 * same capacity check, in a slot that is not cancelled and has not ended. Staff may sell into a
 * slot closed to online sales or already started (a walk-up joining a running show), never past capacity.
 */
export async function takeCounterPlaces(db: Executor, slotId: string, quantity: number, now: Date): Promise<boolean> {
  const taken = await db.execute(sql`
    UPDATE time_slots SET sold = sold + ${quantity}
    WHERE id = ${slotId} AND status <> 'cancelled' AND ends_at > ${now} AND held + sold + ${quantity} <= capacity`);
  return taken.rowCount === 1;
}
