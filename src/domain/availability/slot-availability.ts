import { inArray } from "drizzle-orm";
import { timeSlots } from "../../db/schema";
import type { Ctx } from "../context";
import { slotState, type SlotState } from "./slot-status";

export type Availability = { slotId: string; available: number; status: SlotState };

/** Places left (capacity − sold − held, never negative) and the slot's state at `now`. */
export function availabilityOf(slot: { capacity: number; sold: number; held: number; status: "open" | "cancelled"; startsAt: Date }, now: Date) {
  const available = Math.max(0, slot.capacity - slot.sold - slot.held);
  return { available, status: slotState({ status: slot.status, startsAt: slot.startsAt, capacity: slot.capacity, available }, now) };
}

export async function slotAvailability({ ctx, input }: { ctx: Ctx; input: { slotIds: string[] } }): Promise<Availability[]> {
  if (input.slotIds.length === 0) return [];
  const rows = await ctx.db.select().from(timeSlots).where(inArray(timeSlots.id, input.slotIds));
  return rows.map((row) => ({ slotId: row.id, ...availabilityOf(row, ctx.now()) }));
}
