import { sql, type SQL } from "drizzle-orm";
import { exhibitions, timeSlots } from "../../db/schema";
import { addDays, clockTime, venueDateOf, venueInstant } from "../calendar/venue-time";
import { BOOKING_DAYS_AHEAD } from "../catalog/booking-window";
import { DomainError } from "../errors";

/**
 * "Is this slot bookable now", once: in TypeScript (`slotClosure`, which says why not) for the slot
 * list, the refusals and checkout, and in SQL (`bookableNow`) for the one conditional UPDATE that
 * takes places (invariant 2). slot-bookable.test.ts holds the two to the same answers.
 */

/** The moment of the decision and the end of the sales window: the venue's midnight after its last day. */
export type SalesWindow = { now: Date; closesAt: Date; timeZone: string };

export function salesWindow(now: Date, timeZone: string): SalesWindow {
  return { now, closesAt: venueInstant(addDays(venueDateOf(now, timeZone), BOOKING_DAYS_AHEAD), 0, timeZone), timeZone };
}

export type SlotFacts = { status: (typeof timeSlots.$inferSelect)["status"]; startsAt: Date; exhibitionStatus: (typeof exhibitions.$inferSelect)["status"] };
export type Closure = "unpublished" | "closed" | "started" | "not_yet_on_sale";

/** Why the slot cannot be booked now, or null when it can. */
export function slotClosure(slot: SlotFacts, window: SalesWindow): Closure | null {
  if (slot.exhibitionStatus !== "published") return "unpublished";
  if (slot.status !== "open") return "closed";
  if (slot.startsAt.getTime() <= window.now.getTime()) return "started";
  if (slot.startsAt.getTime() >= window.closesAt.getTime()) return "not_yet_on_sale";
  return null;
}

/** `slotClosure(row) === null` for the `time_slots` row in scope (an UPDATE of it, or a query from it). */
export function bookableNow(window: SalesWindow): SQL {
  return sql`(${timeSlots.status} = 'open' AND ${timeSlots.startsAt} > ${window.now} AND ${timeSlots.startsAt} < ${window.closesAt}
    AND EXISTS (SELECT 1 FROM ${exhibitions} WHERE ${exhibitions.id} = ${timeSlots.exhibitionId} AND ${exhibitions.status} = 'published'))`;
}

/**
 * The refusal for adding to a slot that is not bookable: a slot of an unpublished exhibition is as
 * unknown to visitors as a made-up one.
 */
export function closureError(closure: Closure, startsAt: Date, timeZone: string): DomainError {
  const time = clockTime(startsAt, timeZone);
  switch (closure) {
    case "unpublished":
      return new DomainError("not_found", "There is no such time slot.");
    case "closed":
      return new DomainError("slot_closed", `The ${time} slot is closed.`);
    case "started":
      return new DomainError("slot_closed", `The ${time} slot has already started.`);
    case "not_yet_on_sale":
      return new DomainError("slot_closed", "Tickets for that day are not on sale yet.");
  }
}
