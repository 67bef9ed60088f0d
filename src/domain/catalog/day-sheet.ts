import { and, asc, eq, gte, lt, sql, type SQL } from "drizzle-orm";
import { exhibitions, timeSlots } from "../../db/schema";
import { addDays, venueInstant, type VenueDate } from "../calendar/venue-time";
import type { Ctx } from "../context";

export type SheetSlot = {
  id: string;
  exhibition: { slug: string; title: string };
  startsAt: string;
  endsAt: string;
  status: string;
  capacity: number;
  held: number;
  sold: number;
  /** Tickets of the slot admitted at the door. */
  checkedIn: number;
  cancelReason: string | null;
};

// Through the order's id: tickets are indexed by order, not by line.
const checkedIn = sql<number>`(SELECT count(*)::int FROM order_items oi JOIN tickets t ON t.order_id = oi.order_id AND t.order_item_id = oi.id
  WHERE oi.slot_id = ${timeSlots.id} AND t.checked_in_at IS NOT NULL)`;

/** Slots with their counts, by start then title: the door's day, the admins' calendar. */
export async function sheetSlots(ctx: Ctx, where: SQL | undefined): Promise<SheetSlot[]> {
  const rows = await ctx.db
    .select({ slot: timeSlots, slug: exhibitions.slug, title: exhibitions.title, checkedIn })
    .from(timeSlots)
    .innerJoin(exhibitions, eq(exhibitions.id, timeSlots.exhibitionId))
    .where(where)
    .orderBy(asc(timeSlots.startsAt), asc(exhibitions.title));
  return rows.map(({ slot, slug, title, checkedIn }) => ({
    id: slot.id,
    exhibition: { slug, title },
    startsAt: slot.startsAt.toISOString(),
    endsAt: slot.endsAt.toISOString(),
    status: slot.status,
    capacity: slot.capacity,
    held: slot.held,
    sold: slot.sold,
    checkedIn,
    cancelReason: slot.cancelReason,
  }));
}

/** Slots starting on the venue days from `from` to `to`, both included. */
export const startingOn = (ctx: Ctx, from: VenueDate, to: VenueDate): SQL => {
  const zone = ctx.settings.venueTimeZone;
  return and(gte(timeSlots.startsAt, venueInstant(from, 0, zone)), lt(timeSlots.startsAt, venueInstant(addDays(to, 1), 0, zone)))!;
};

/** A venue day's slots of every exhibition, published or not, with their counts: what the door and the box office need. */
export async function daySheet({ ctx, input }: { ctx: Ctx; input: { date: VenueDate } }): Promise<SheetSlot[]> {
  return sheetSlots(ctx, startingOn(ctx, input.date, input.date));
}

/** The ids of a venue day's slots, for following them live. */
export async function daySlotIds({ ctx, input }: { ctx: Ctx; input: { date: VenueDate } }): Promise<string[]> {
  const rows = await ctx.db.select({ id: timeSlots.id }).from(timeSlots).where(startingOn(ctx, input.date, input.date));
  return rows.map((row) => row.id);
}
