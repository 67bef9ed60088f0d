import { eq } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { exhibitions, schedules } from "../../db/schema";
import { DomainError } from "../errors";
import type { Schedule } from "./slot-times";

export type ScheduleView = Schedule & { updatedAt: string };
export type ScheduledExhibition = { id: string; slug: string; title: string; kind: "exhibition" | "show"; status: string; durationMinutes: number };

/** The exhibition of `slug` (404 when there is none) and its schedule, null when it has none; `lock` holds both against another change (and the generator). */
export async function exhibitionSchedule(db: Executor, slug: string, lock = false): Promise<{ exhibition: ScheduledExhibition; schedule: ScheduleView | null }> {
  // The lock first, the read by a statement of its own: a read that waited for the lock would
  // otherwise see the exhibition as it is but the schedule as it was before the change it waited for.
  if (lock) await db.select({ id: exhibitions.id }).from(exhibitions).where(eq(exhibitions.slug, slug)).for("no key update");
  const [row] = await db
    .select({
      exhibition: { id: exhibitions.id, slug: exhibitions.slug, title: exhibitions.title, kind: exhibitions.kind, status: exhibitions.status, durationMinutes: exhibitions.durationMinutes },
      rules: schedules.rules,
      closedDates: schedules.closedDates,
      updatedAt: schedules.updatedAt,
    })
    .from(exhibitions)
    .leftJoin(schedules, eq(schedules.exhibitionId, exhibitions.id))
    .where(eq(exhibitions.slug, slug));
  if (!row) throw new DomainError("not_found", "There is no such exhibition.");
  const schedule = row.rules && row.closedDates && row.updatedAt ? { rules: row.rules, closedDates: row.closedDates, updatedAt: row.updatedAt.toISOString() } : null;
  return { exhibition: row.exhibition, schedule };
}
