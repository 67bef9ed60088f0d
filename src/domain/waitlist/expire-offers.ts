import { sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { lockSlots, releaseHold } from "../availability/holds";

/**
 * Offers whose time has run out lapse and give their places back, one short transaction per slot;
 * giving them back offers them to the next in line (migration 0019's trigger) or to the public.
 * The slot is locked first and entries being claimed or left are skipped, as the hold sweeper does.
 */
export async function expireOffers(db: Database, now: Date, batch = 500): Promise<number> {
  const { rows: due } = await db.execute<{ slot_id: string }>(sql`
    SELECT DISTINCT slot_id FROM waitlist_entries WHERE status = 'offered' AND offer_expires_at <= ${now} LIMIT ${batch}`);
  let lapsed = 0;
  for (const { slot_id: slotId } of due) {
    lapsed += await db.transaction(async (tx) => {
      await lockSlots(tx, [slotId]);
      const { rows } = await tx.execute<{ places: number; entries: number }>(sql`
        WITH lapsed AS (
          UPDATE waitlist_entries SET status = 'lapsed'
          WHERE id IN (
            SELECT id FROM waitlist_entries WHERE slot_id = ${slotId} AND status = 'offered' AND offer_expires_at <= ${now}
            FOR UPDATE SKIP LOCKED
          ) RETURNING quantity
        )
        SELECT coalesce(sum(quantity), 0)::int AS places, count(*)::int AS entries FROM lapsed`);
      const { places = 0, entries = 0 } = rows[0] ?? {};
      if (places > 0) await releaseHold(tx, slotId, places);
      return entries;
    });
  }
  return lapsed;
}
