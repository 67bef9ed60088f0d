import { eq, inArray } from "drizzle-orm";
import { exhibitions, timeSlots } from "../../db/schema";
import type { Ctx } from "../context";
import { salesWindow, type SalesWindow, type SlotFacts } from "./slot-bookable";
import { slotState, type SlotState } from "./slot-status";

export type Availability = { slotId: string; available: number; status: SlotState };

/** Places left (capacity − sold − held, never negative) and the slot's state in the sales window. */
export function availabilityOf(slot: SlotFacts & { capacity: number; sold: number; held: number }, window: SalesWindow) {
  const available = Math.max(0, slot.capacity - slot.sold - slot.held);
  return { available, status: slotState({ ...slot, available }, window) };
}

export async function slotAvailability({ ctx, input }: { ctx: Ctx; input: { slotIds: string[] } }): Promise<Availability[]> {
  if (input.slotIds.length === 0) return [];
  const rows = await ctx.db
    .select({ id: timeSlots.id, status: timeSlots.status, startsAt: timeSlots.startsAt, capacity: timeSlots.capacity, sold: timeSlots.sold, held: timeSlots.held, exhibitionStatus: exhibitions.status })
    .from(timeSlots)
    .innerJoin(exhibitions, eq(exhibitions.id, timeSlots.exhibitionId))
    .where(inArray(timeSlots.id, input.slotIds));
  const window = salesWindow(ctx.now(), ctx.settings.venueTimeZone);
  return rows.map((row) => ({ slotId: row.id, ...availabilityOf(row, window) }));
}
