import { eq } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { exhibitions, timeSlots } from "../../db/schema";
import { clockTime } from "../calendar/venue-time";
import { DomainError } from "../errors";
import { keepBookable, takeHold } from "./holds";
import { releaseExpiredHoldsOfSlot } from "./release-expired-holds";
import { closureError, slotClosure, type SalesWindow } from "./slot-bookable";

/**
 * Holds `quantity` places of the slot or refuses with the reason. An expired hold never blocks a
 * buyer: before refusing for lack of room, the slot's expired holds are given back and the hold
 * is tried once more.
 */
export async function holdPlaces(db: Executor, slotId: string, quantity: number, window: SalesWindow): Promise<void> {
  if (!(await tryHoldPlaces(db, slotId, quantity, window))) throw await holdRefusal(db, slotId, window);
}

/** holdPlaces without the refusal: true when the places are held, false (nothing changed) when there is no room. */
export async function tryHoldPlaces(db: Executor, slotId: string, quantity: number, window: SalesWindow): Promise<boolean> {
  if (quantity <= 0) return keepBookable(db, slotId, window);
  return takeBeforeExpiredHolds(db, slotId, window.now, () => takeHold(db, slotId, quantity, window));
}

/**
 * `take` (a conditional update of the slot's places), tried again once after the slot's expired
 * holds are given back when it found no room: an expired hold never blocks a buyer (invariant 3).
 */
export async function takeBeforeExpiredHolds(db: Executor, slotId: string, now: Date, take: () => Promise<boolean>): Promise<boolean> {
  if (await take()) return true;
  return (await releaseExpiredHoldsOfSlot(db, slotId, now)) > 0 && (await take());
}

/** Why a hold on the slot was refused, in the visitor's words, with the places still free. */
export async function holdRefusal(db: Executor, slotId: string, window: SalesWindow): Promise<DomainError> {
  const [state] = await db
    .select({ slot: timeSlots, exhibitionStatus: exhibitions.status })
    .from(timeSlots)
    .innerJoin(exhibitions, eq(exhibitions.id, timeSlots.exhibitionId))
    .where(eq(timeSlots.id, slotId));
  if (!state) return new DomainError("not_found", "There is no such time slot.");
  const { slot } = state;
  const closure = slotClosure({ ...slot, exhibitionStatus: state.exhibitionStatus }, window);
  if (closure) return closureError(closure, slot.startsAt, window.timeZone);
  const time = clockTime(slot.startsAt, window.timeZone);
  const available = Math.max(0, slot.capacity - slot.sold - slot.held);
  if (available === 0) return new DomainError("sold_out", `The ${time} slot is sold out.`, { available: 0 });
  return new DomainError("insufficient_capacity", `Only ${available} ${available === 1 ? "place" : "places"} left for ${time}.`, { available });
}
