import { and, eq, ne, sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { exhibitions, schedules } from "../../db/schema";
import { addDays, venueDateOf, type VenueDate } from "../calendar/venue-time";
import { BOOKING_DAYS_AHEAD } from "../catalog/booking-window";
import type { Settings } from "../context";
import { wantedSlots, type Schedule, type SlotShape, type WantedSlot } from "./slot-times";

/** What the generator needs of a context: the seed and the job call it without a request's. */
export type WindowCtx = { db: Executor; now: () => Date; settings: Pick<Settings, "venueTimeZone"> };

/** Why a slot is cancelled when a schedule no longer wants it but history (an expired cart line, a lapsed order) names it. */
export const REMOVED_FROM_SCHEDULE = "removed from the schedule";

/** The booking window's days: today and the BOOKING_DAYS_AHEAD − 1 after it, venue time. */
export function windowDays(now: Date, timeZone: string): VenueDate[] {
  const today = venueDateOf(now, timeZone);
  return Array.from({ length: BOOKING_DAYS_AHEAD }, (_, day) => addDays(today, day));
}

/** The slots an exhibition's schedule wants in the booking window (whole days, today's earlier starts too). */
export const wantedInWindow = (ctx: WindowCtx, schedule: Schedule, shape: SlotShape): WantedSlot[] =>
  wantedSlots(schedule, shape, windowDays(ctx.now(), ctx.settings.venueTimeZone), ctx.settings.venueTimeZone);

/**
 * The one generator of slots from schedules (invariant 13): for every exhibition with a schedule
 * that is not archived (or just `exhibitionId`), inserts the slots its schedule wants in the booking
 * window and lacks. An existing slot is never changed, so a slot staff cancelled or closed stays
 * so — except one this very schedule had cancelled as `removed from the schedule`, which a schedule
 * wanting it again reopens, so a change that is undone is undone. Idempotent; safe run twice at once.
 */
export async function fillBookingWindow({ ctx, input = {} }: { ctx: WindowCtx; input?: { exhibitionId?: string } }): Promise<{ slotsCreated: number }> {
  const scheduled = await ctx.db
    .select({ id: schedules.exhibitionId })
    .from(schedules)
    .innerJoin(exhibitions, eq(exhibitions.id, schedules.exhibitionId))
    .where(and(ne(exhibitions.status, "archived"), input.exhibitionId ? eq(exhibitions.id, input.exhibitionId) : undefined));
  let slotsCreated = 0;
  for (const { id } of scheduled) {
    // Under the exhibition's lock, as a schedule change takes it: a run that read the schedule just
    // before a change committed would otherwise bring back the slots the change had removed.
    slotsCreated += await ctx.db.transaction(async (tx) => {
      const [locked] = await tx.select({ id: exhibitions.id }).from(exhibitions).where(and(eq(exhibitions.id, id), ne(exhibitions.status, "archived"))).for("no key update");
      // Read after the lock, by a statement of its own: it sees what the change committed.
      const [exhibition] = locked
        ? await tx
            .select({ kind: exhibitions.kind, durationMinutes: exhibitions.durationMinutes, rules: schedules.rules, closedDates: schedules.closedDates })
            .from(exhibitions)
            .innerJoin(schedules, eq(schedules.exhibitionId, exhibitions.id))
            .where(eq(exhibitions.id, id))
        : [];
      const wanted = exhibition ? wantedInWindow(ctx, exhibition, exhibition) : [];
      return wanted.length > 0 ? insertMissing(tx, id, wanted, ctx.now()) : 0;
    });
  }
  return { slotsCreated };
}

async function insertMissing(db: Executor, exhibitionId: string, wanted: WantedSlot[], now: Date): Promise<number> {
  const starts = wanted.map((slot) => slot.startsAt.toISOString());
  const ends = wanted.map((slot) => slot.endsAt.toISOString());
  const capacities = wanted.map((slot) => slot.capacity);
  const { rowCount } = await db.execute(sql`
    INSERT INTO time_slots (exhibition_id, starts_at, ends_at, capacity)
    SELECT ${exhibitionId}::uuid, v.starts_at, v.ends_at, v.capacity
    FROM unnest(${sql.param(starts)}::timestamptz[], ${sql.param(ends)}::timestamptz[], ${sql.param(capacities)}::int[]) AS v(starts_at, ends_at, capacity)
    ON CONFLICT (exhibition_id, starts_at) DO UPDATE SET status = 'open', cancel_reason = NULL, capacity = excluded.capacity, ends_at = excluded.ends_at
    WHERE time_slots.status = 'cancelled' AND time_slots.cancel_reason = ${REMOVED_FROM_SCHEDULE}
      AND time_slots.starts_at > ${now} AND time_slots.held = 0 AND time_slots.sold = 0`);
  return rowCount ?? 0;
}
