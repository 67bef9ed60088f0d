import { sql } from "drizzle-orm";
import type { Executor } from "../../db/client";

/** How long funnel events are kept: a year and a month, so that a month compares with the same month last year. */
export const FUNNEL_RETENTION_DAYS = 400;

/** Deletes funnel events older than the retention, in bounded batches so that no statement holds locks long; returns how many. */
export async function pruneFunnelEvents(db: Executor, now: Date, batch = 10_000): Promise<number> {
  const cutoff = new Date(now.getTime() - FUNNEL_RETENTION_DAYS * 86_400_000);
  let deleted = 0;
  for (;;) {
    const result = await db.execute(sql`
      DELETE FROM funnel_events WHERE id IN (SELECT id FROM funnel_events WHERE at < ${cutoff} ORDER BY at LIMIT ${batch})`);
    deleted += result.rowCount ?? 0;
    if ((result.rowCount ?? 0) < batch) return deleted;
  }
}
