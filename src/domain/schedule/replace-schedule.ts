import { and, eq, gt, inArray, lt, ne, sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { schedules, timeSlots } from "../../db/schema";
import { lockSlots } from "../availability/holds";
import { addDays, venueDateOf, venueInstant } from "../calendar/venue-time";
import { BOOKING_DAYS_AHEAD } from "../catalog/booking-window";
import { withTransaction, type Ctx } from "../context";
import { audit } from "../staff/audit";
import { authorize } from "../staff/authorize";
import { fillBookingWindow, REMOVED_FROM_SCHEDULE, wantedInWindow } from "./fill-booking-window";
import { parseSchedule } from "./schedule-input";
import { exhibitionSchedule, type ScheduleView } from "./schedule-view";

export type SkippedSlot = { slotId: string; startsAt: string; change: "remove" | "shrink"; reason: string };
export type ScheduleChange = { schedule: ScheduleView; slotsCreated: number; slotsRemoved: number; slotsResized: number; skipped: SkippedSlot[] };

type Existing = { id: string; startsAt: Date; capacity: number; status: string };

/**
 * Replaces an exhibition's schedule (admin) and brings its slots in the booking window to it, in
 * one transaction with its audit entry: wanted slots that are missing are made by the generator;
 * future slots no longer wanted are deleted when nothing names them, cancelled (`removed from the
 * schedule`) when only dead history does (an expired cart line, a lapsed or refunded order), and
 * kept otherwise; kept slots take the rule's capacity, growing freely and shrinking only when nothing
 * is held or sold. What was kept or left as it was is listed in `skipped` (invariant 13). Slots that
 * have started, and slots staff cancelled, are never touched; a closed slot stays closed.
 */
export async function replaceSchedule({ ctx, input }: { ctx: Ctx; input: { slug: string; schedule: unknown } }): Promise<ScheduleChange> {
  const actor = authorize(ctx, "admin");
  const wanted = parseSchedule(input.schedule);
  return withTransaction(ctx, async (tx) => {
    // Two changes of one schedule take turns: each decides from the slots the other left.
    const { exhibition, schedule: before } = await exhibitionSchedule(tx.db, input.slug, true);
    const now = tx.now();
    const [saved] = await tx.db
      .insert(schedules)
      .values({ exhibitionId: exhibition.id, ...wanted, updatedAt: now, updatedBy: actor.userId })
      .onConflictDoUpdate({ target: schedules.exhibitionId, set: { ...wanted, updatedAt: now, updatedBy: actor.userId } })
      .returning();
    const { slotsCreated } = await fillBookingWindow({ ctx: tx, input: { exhibitionId: exhibition.id } });

    const capacityAt = new Map(wantedInWindow(tx, wanted, exhibition).map((slot) => [slot.startsAt.getTime(), slot.capacity]));
    const existing = await futureSlots(tx.db, exhibition.id, now, tx.settings.venueTimeZone);
    // A slot staff closed is theirs to reopen or cancel: the schedule leaves it as it is.
    const unwanted = existing.filter((slot) => !capacityAt.has(slot.startsAt.getTime()) && slot.status === "open");
    const resized = existing.filter((slot) => capacityAt.has(slot.startsAt.getTime()) && capacityAt.get(slot.startsAt.getTime()) !== slot.capacity);

    // In id order, as every transaction touching several slots (invariant 6), so none of them deadlocks with this one;
    // UPDATE strength waits for an add of a free ticket in flight (keepBookable), so its line is seen before the slot goes.
    await lockSlots(tx.db, [...unwanted, ...resized].map((slot) => slot.id), "update");
    const removed = await removeSlots(tx.db, unwanted.map((slot) => slot.id), now);
    const changed = await resizeSlots(tx.db, resized.map((slot) => ({ id: slot.id, capacity: capacityAt.get(slot.startsAt.getTime())! })), now);
    const closed = existing.filter((slot) => !capacityAt.has(slot.startsAt.getTime()) && slot.status === "closed");
    const skipped = await describeSkipped(tx.db, [
      ...unwanted.filter((slot) => !removed.has(slot.id)).map((slot) => ({ id: slot.id, change: "remove" as const })),
      ...closed.map((slot) => ({ id: slot.id, change: "remove" as const })),
      ...resized.filter((slot) => !changed.has(slot.id)).map((slot) => ({ id: slot.id, change: "shrink" as const })),
    ]);

    const result = { schedule: { rules: saved!.rules, closedDates: saved!.closedDates, updatedAt: saved!.updatedAt.toISOString() }, slotsCreated, slotsRemoved: removed.size, slotsResized: changed.size, skipped };
    await audit(tx, actor, {
      action: "schedule.replace",
      entityType: "exhibition",
      entityId: exhibition.id,
      before: before && { rules: before.rules, closedDates: before.closedDates },
      after: { rules: wanted.rules, closedDates: wanted.closedDates, slotsCreated, slotsRemoved: removed.size, slotsResized: changed.size, skipped: skipped.length },
    });
    return result;
  });
}

/** The exhibition's slots in the booking window that have not started and that staff did not cancel. */
async function futureSlots(db: Executor, exhibitionId: string, now: Date, timeZone: string): Promise<Existing[]> {
  const windowEnd = venueInstant(addDays(venueDateOf(now, timeZone), BOOKING_DAYS_AHEAD), 0, timeZone);
  return db
    .select({ id: timeSlots.id, startsAt: timeSlots.startsAt, capacity: timeSlots.capacity, status: timeSlots.status })
    .from(timeSlots)
    .where(and(eq(timeSlots.exhibitionId, exhibitionId), gt(timeSlots.startsAt, now), lt(timeSlots.startsAt, windowEnd), ne(timeSlots.status, "cancelled")));
}

// A place held or sold is in the row: each statement re-reads the row it changes, so a visitor's hold
// that commits first makes it keep the slot, and one that comes after finds the slot gone or cancelled.
const nothingTaken = (now: Date) => sql`s.held = 0 AND s.sold = 0 AND s.starts_at > ${now}`;
const LIVE_CLAIM = sql`(EXISTS (SELECT 1 FROM cart_items c WHERE c.slot_id = s.id AND c.status = 'held')
  OR EXISTS (SELECT 1 FROM order_items i JOIN orders o ON o.id = i.order_id WHERE i.slot_id = s.id AND o.status IN ('pending_payment', 'paid')))`;

/** Deletes the slots nothing names, cancels those only dead history names; the ids it removed either way. */
async function removeSlots(db: Executor, ids: string[], now: Date): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const deleted = await db.execute<{ id: string }>(sql`
    DELETE FROM time_slots s WHERE s.id = ANY(${sql.param(ids)}::uuid[]) AND ${nothingTaken(now)}
      AND NOT EXISTS (SELECT 1 FROM cart_items c WHERE c.slot_id = s.id)
      AND NOT EXISTS (SELECT 1 FROM order_items i WHERE i.slot_id = s.id)
    RETURNING s.id`);
  const cancelled = await db.execute<{ id: string }>(sql`
    UPDATE time_slots s SET status = 'cancelled', cancel_reason = ${REMOVED_FROM_SCHEDULE}
    WHERE s.id = ANY(${sql.param(ids)}::uuid[]) AND s.status <> 'cancelled' AND ${nothingTaken(now)} AND NOT ${LIVE_CLAIM}
    RETURNING s.id`);
  return new Set([...deleted.rows, ...cancelled.rows].map((row) => row.id));
}

/** Sets the rules' capacities: a rise always, a cut only on a slot with nothing held or sold. The ids it changed. */
async function resizeSlots(db: Executor, wanted: { id: string; capacity: number }[], now: Date): Promise<Set<string>> {
  if (wanted.length === 0) return new Set();
  const { rows } = await db.execute<{ id: string }>(sql`
    UPDATE time_slots s SET capacity = v.capacity
    FROM unnest(${sql.param(wanted.map((slot) => slot.id))}::uuid[], ${sql.param(wanted.map((slot) => slot.capacity))}::int[]) AS v(id, capacity)
    WHERE s.id = v.id AND s.status <> 'cancelled' AND s.capacity <> v.capacity AND s.starts_at > ${now}
      AND (v.capacity > s.capacity OR (s.held = 0 AND s.sold = 0 AND NOT ${LIVE_CLAIM}))
    RETURNING s.id`);
  return new Set(rows.map((row) => row.id));
}

/** Why each slot the change left alone was left, from its counts as they are now (this transaction locks it). */
async function describeSkipped(db: Executor, left: { id: string; change: SkippedSlot["change"] }[]): Promise<SkippedSlot[]> {
  if (left.length === 0) return [];
  const rows = await db
    .select({ id: timeSlots.id, startsAt: timeSlots.startsAt, held: timeSlots.held, sold: timeSlots.sold, status: timeSlots.status })
    .from(timeSlots)
    .where(inArray(timeSlots.id, left.map((slot) => slot.id)));
  const byId = new Map(rows.map((row) => [row.id, row]));
  return left
    .map(({ id, change }) => {
      const slot = byId.get(id)!;
      const taken = [slot.held > 0 && `${slot.held} held`, slot.sold > 0 && `${slot.sold} sold`].filter(Boolean).join(", ");
      const why = slot.status === "closed" && change === "remove" ? "closed by staff" : taken || "in a cart or an unpaid order";
      return { slotId: id, startsAt: slot.startsAt.toISOString(), change, reason: `${change === "remove" ? "Kept" : "Capacity not cut"}: ${why}.` };
    })
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
}
