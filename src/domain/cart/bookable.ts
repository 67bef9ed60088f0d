import { and, eq } from "drizzle-orm";
import { exhibitions, ticketTypes, timeSlots } from "../../db/schema";
import { clockTime, venueDateOf } from "../calendar/venue-time";
import { lastBookableDay } from "../catalog/booking-window";
import type { Ctx } from "../context";
import { DomainError } from "../errors";

export type Bookable = { consumesCapacity: boolean };

/** The slot and ticket type a visitor asks for, if they may be put in a cart now. */
export async function findBookable(ctx: Ctx, input: { slotId: string; ticketTypeId: string }): Promise<Bookable> {
  const [row] = await ctx.db
    .select({
      startsAt: timeSlots.startsAt,
      slotStatus: timeSlots.status,
      exhibitionStatus: exhibitions.status,
      ticketTypeId: ticketTypes.id,
      ticketActive: ticketTypes.active,
      consumesCapacity: ticketTypes.consumesCapacity,
    })
    .from(timeSlots)
    .innerJoin(exhibitions, eq(exhibitions.id, timeSlots.exhibitionId))
    .leftJoin(ticketTypes, and(eq(ticketTypes.id, input.ticketTypeId), eq(ticketTypes.exhibitionId, timeSlots.exhibitionId)))
    .where(eq(timeSlots.id, input.slotId));

  if (!row || row.exhibitionStatus !== "published") throw new DomainError("not_found", "There is no such time slot.");
  if (!row.ticketTypeId) throw new DomainError("not_found", "That ticket type is not sold for this exhibition.");
  if (!row.ticketActive) throw new DomainError("ticket_type_unavailable", "That ticket type is no longer on sale.");

  const now = ctx.now();
  const zone = ctx.settings.venueTimeZone;
  const time = clockTime(row.startsAt, zone);
  if (row.slotStatus !== "open") throw new DomainError("slot_closed", `The ${time} slot has been cancelled.`);
  if (row.startsAt <= now) throw new DomainError("slot_closed", `The ${time} slot has already started.`);
  if (venueDateOf(row.startsAt, zone) > lastBookableDay(venueDateOf(now, zone))) {
    throw new DomainError("slot_closed", "Tickets for that day are not on sale yet.");
  }
  return { consumesCapacity: row.consumesCapacity! };
}
