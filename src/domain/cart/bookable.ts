import { and, eq, inArray } from "drizzle-orm";
import { exhibitions, ticketTypes, timeSlots } from "../../db/schema";
import { closureError, salesWindow, slotClosure } from "../availability/slot-bookable";
import type { Ctx } from "../context";
import { DomainError } from "../errors";

/** `priceMinor`: what one ticket costs for a hold taken now. */
export type Bookable = { consumesCapacity: boolean; priceMinor: number };
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
      status: timeSlots.status,
      exhibitionStatus: exhibitions.status,
      ticketTypeId: ticketTypes.id,
      ticketActive: ticketTypes.active,
      consumesCapacity: ticketTypes.consumesCapacity,
      priceMinor: ticketTypes.priceMinor,
    })
    .from(timeSlots)
    .innerJoin(exhibitions, eq(exhibitions.id, timeSlots.exhibitionId))
    .leftJoin(ticketTypes, and(inArray(ticketTypes.id, [...new Set(wanted.map((one) => one.ticketTypeId))]), eq(ticketTypes.exhibitionId, timeSlots.exhibitionId)))
    .where(inArray(timeSlots.id, [...new Set(wanted.map((one) => one.slotId))]));

  const window = salesWindow(ctx.now(), ctx.settings.venueTimeZone);
  return wanted.map((one) => {
    const ofSlot = rows.filter((row) => row.slotId === one.slotId);
    const slot = ofSlot[0];
    if (!slot) return new DomainError("not_found", "There is no such time slot.");
    const closure = slotClosure(slot, window);
    if (closure === "unpublished") return closureError(closure, slot.startsAt, window.timeZone);
    const row = ofSlot.find((candidate) => candidate.ticketTypeId === one.ticketTypeId);
    if (!row) return new DomainError("not_found", "That ticket type is not sold for this exhibition.");
    if (!row.ticketActive) return new DomainError("ticket_type_unavailable", "That ticket type is no longer on sale.");
    if (closure) return closureError(closure, slot.startsAt, window.timeZone);
    return { consumesCapacity: row.consumesCapacity!, priceMinor: row.priceMinor! };
  });
}
