import { eq } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { timeSlots } from "../../db/schema";
import { clockTime } from "../calendar/venue-time";
import { DomainError } from "../errors";
import { takeHold } from "./holds";
import { releaseExpiredHoldsOfSlot } from "./release-expired-holds";

/**
 * Holds `quantity` places of the slot or refuses with the reason. An expired hold never blocks a
 * buyer: before refusing for lack of room, the slot's expired holds are given back and the hold
 * is tried once more.
 */
export async function holdPlaces(db: Executor, slotId: string, quantity: number, now: Date, timeZone: string): Promise<void> {
  if (!(await tryHoldPlaces(db, slotId, quantity, now))) throw await holdRefusal(db, slotId, now, timeZone);
}

/** holdPlaces without the refusal: true when the places are held, false (nothing changed) when there is no room. */
export async function tryHoldPlaces(db: Executor, slotId: string, quantity: number, now: Date): Promise<boolean> {
  if (quantity <= 0 || (await takeHold(db, slotId, quantity, now))) return true;
  return (await releaseExpiredHoldsOfSlot(db, slotId, now)) > 0 && (await takeHold(db, slotId, quantity, now));
}

/** Why a hold on the slot was refused, in the visitor's words, with the places still free. */
export async function holdRefusal(db: Executor, slotId: string, now: Date, timeZone: string): Promise<DomainError> {
  const [state] = await db.select().from(timeSlots).where(eq(timeSlots.id, slotId));
  if (!state) return new DomainError("not_found", "There is no such time slot.");
  const time = clockTime(state.startsAt, timeZone);
  if (state.status !== "open" || state.startsAt <= now) return new DomainError("slot_closed", `The ${time} slot is closed.`);
  const available = Math.max(0, state.capacity - state.sold - state.held);
  if (available === 0) return new DomainError("sold_out", `The ${time} slot is sold out.`, { available: 0 });
  return new DomainError("insufficient_capacity", `Only ${available} ${available === 1 ? "place" : "places"} left for ${time}.`, { available });
}
