import { and, eq, isNotNull, ne, sql, type SQL } from "drizzle-orm";
import { exhibitions, orderItems, tickets, timeSlots } from "../../db/schema";
import { clockTime, venueDateOf, type VenueDate } from "../calendar/venue-time";
import { sheetSlots, startingOn, type SheetSlot } from "../catalog/day-sheet";
import type { Ctx } from "../context";
import { authorize } from "../staff/authorize";
import { reportRange } from "./report-range";

export type OccupancyRow = Pick<SheetSlot, "exhibition" | "status" | "capacity" | "sold" | "checkedIn"> & {
  slotId: string;
  date: VenueDate;
  time: string;
  /** sold / capacity, 0 for a slot of no capacity. */
  occupancy: number;
  /** Places sold but not checked in, once the slot has ended; null before. */
  noShows: number | null;
};

/** Of the slots that have ended: places sold, places admitted (a child who takes no place is not counted), and no-shows. */
export type OccupancyReport = { from: VenueDate; to: VenueDate; exhibition: string | null; rows: OccupancyRow[]; noShows: { ended: number; sold: number; checkedIn: number; noShows: number } };

/**
 * Staff: every slot starting in a range of venue days (of one exhibition when asked), with its
 * capacity, tickets sold and checked in, occupancy, and the no-shows of those that have ended.
 */
export async function occupancyReport({ ctx, input }: { ctx: Ctx; input: { from?: VenueDate; to?: VenueDate; exhibition?: string } }): Promise<OccupancyReport> {
  authorize(ctx, "staff");
  const range = reportRange(ctx, input);
  const zone = ctx.settings.venueTimeZone;
  const now = ctx.now();
  const where: SQL = and(startingOn(ctx, range.from, range.to), input.exhibition ? eq(exhibitions.slug, input.exhibition) : undefined)!;
  const [slots, admitted] = await Promise.all([sheetSlots(ctx, where), admittedPlaces(ctx, where)]);
  const rows = slots.map((slot): OccupancyRow => {
    const startsAt = new Date(slot.startsAt);
    return {
      slotId: slot.id,
      exhibition: slot.exhibition,
      date: venueDateOf(startsAt, zone),
      time: clockTime(startsAt, zone),
      status: slot.status,
      capacity: slot.capacity,
      sold: slot.sold,
      checkedIn: slot.checkedIn,
      occupancy: slot.capacity > 0 ? Math.round((slot.sold / slot.capacity) * 1000) / 1000 : 0,
      noShows: new Date(slot.endsAt) <= now ? Math.max(0, slot.sold - (admitted.get(slot.id) ?? 0)) : null,
    };
  });
  const ended = rows.filter((row) => row.noShows !== null);
  const sum = (pick: (row: OccupancyRow) => number) => ended.reduce((total, row) => total + pick(row), 0);
  return {
    from: range.from,
    to: range.to,
    exhibition: input.exhibition ?? null,
    rows,
    noShows: { ended: ended.length, sold: sum((row) => row.sold), checkedIn: sum((row) => admitted.get(row.slotId) ?? 0), noShows: sum((row) => row.noShows ?? 0) },
  };
}

/**
 * Checked-in tickets that take a place, by slot: what `sold` (places) is to be compared with, as a
 * child under 3 admitted with the family must not hide an adult who never came.
 */
async function admittedPlaces(ctx: Ctx, where: SQL): Promise<Map<string, number>> {
  const rows = await ctx.db
    .select({ slotId: orderItems.slotId, places: sql<number>`count(*)::int` })
    .from(orderItems)
    .innerJoin(tickets, and(eq(tickets.orderId, orderItems.orderId), eq(tickets.orderItemId, orderItems.id)))
    .innerJoin(timeSlots, eq(timeSlots.id, orderItems.slotId))
    .innerJoin(exhibitions, eq(exhibitions.id, timeSlots.exhibitionId))
    .where(and(where, eq(orderItems.consumesCapacity, true), isNotNull(tickets.checkedInAt), ne(tickets.status, "void")))
    .groupBy(orderItems.slotId);
  return new Map(rows.map((row) => [row.slotId, row.places]));
}
