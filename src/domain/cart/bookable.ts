import { and, eq, inArray } from "drizzle-orm";
import { exhibitions, ticketTypes, timeSlots } from "../../db/schema";
import { clockTime, venueDateOf } from "../calendar/venue-time";
import { lastBookableDay } from "../catalog/booking-window";
import type { Ctx } from "../context";
import { DomainError } from "../errors";

export type Bookable = { consumesCapacity: boolean };
type Wanted = { slotId: string; ticketTypeId: string };

/**
 * For each slot and ticket type asked for, in one query: whether it may be put in a cart now
 * (what it is), or the refusal to answer with.
 */
export async function findBookables(ctx: Ctx, wanted: Wanted[]): Promise<(Bookable | DomainError)[]> {
  const rows = await ctx.db
    .select({
      slotId: timeSlots.id,
      startsAt: timeSlots.startsAt,
      slotStatus: timeSlots.status,
      exhibitionStatus: exhibitions.status,
      ticketTypeId: ticketTypes.id,
      ticketActive: ticketTypes.active,
      consumesCapacity: ticketTypes.consumesCapacity,
    })
    .from(timeSlots)
    .innerJoin(exhibitions, eq(exhibitions.id, timeSlots.exhibitionId))
    .leftJoin(ticketTypes, and(inArray(ticketTypes.id, [...new Set(wanted.map((one) => one.ticketTypeId))]), eq(ticketTypes.exhibitionId, timeSlots.exhibitionId)))
    .where(inArray(timeSlots.id, [...new Set(wanted.map((one) => one.slotId))]));

  const now = ctx.now();
  const zone = ctx.settings.venueTimeZone;
  return wanted.map((one) => {
    const ofSlot = rows.filter((row) => row.slotId === one.slotId);
    if (ofSlot.length === 0 || ofSlot[0]!.exhibitionStatus !== "published") return new DomainError("not_found", "There is no such time slot.");
    const row = ofSlot.find((candidate) => candidate.ticketTypeId === one.ticketTypeId);
    if (!row) return new DomainError("not_found", "That ticket type is not sold for this exhibition.");
    if (!row.ticketActive) return new DomainError("ticket_type_unavailable", "That ticket type is no longer on sale.");
    const time = clockTime(row.startsAt, zone);
    if (row.slotStatus !== "open") return new DomainError("slot_closed", `The ${time} slot has been cancelled.`);
    if (row.startsAt <= now) return new DomainError("slot_closed", `The ${time} slot has already started.`);
    if (venueDateOf(row.startsAt, zone) > lastBookableDay(venueDateOf(now, zone))) return new DomainError("slot_closed", "Tickets for that day are not on sale yet.");
    return { consumesCapacity: row.consumesCapacity! };
  });
}
