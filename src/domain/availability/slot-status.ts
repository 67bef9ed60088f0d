import { slotClosure, type SalesWindow, type SlotFacts } from "./slot-bookable";

export type SlotState = "open" | "few_left" | "sold_out" | "closed";

/** "Few left" starts at 15% of the slot, never below 3 places and never above 10. */
export function fewLeftThreshold(capacity: number): number {
  return Math.min(10, Math.max(3, Math.ceil(capacity * 0.15)));
}

/** Closed exactly when adding to the slot is refused as closed (slotClosure), whatever its places. */
export function slotState(slot: SlotFacts & { capacity: number; available: number }, window: SalesWindow): SlotState {
  if (slotClosure(slot, window)) return "closed";
  if (slot.available <= 0) return "sold_out";
  if (slot.available <= fewLeftThreshold(slot.capacity)) return "few_left";
  return "open";
}
