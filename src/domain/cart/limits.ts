import type { Settings } from "../context";
import { DomainError } from "../errors";
import type { Line } from "./cart-lines";

/**
 * MAX_TICKETS_PER_ORDER bounds each line and the cart's total for one slot; `proposed` is the
 * quantity one line (or a line about to be added, "new") is about to have.
 */
export function checkSlotLimit(lines: Line[], slotId: string, proposed: { lineId: string | "new"; quantity: number }, settings: Settings): void {
  const limit = settings.maxTicketsPerOrder;
  const others = lines.filter((line) => line.slotId === slotId && line.id !== proposed.lineId).reduce((sum, line) => sum + line.quantity, 0);
  if (proposed.quantity > limit) {
    throw new DomainError("limit_exceeded", `At most ${limit} tickets of one kind per time slot.`, { limit });
  }
  if (others + proposed.quantity > limit) {
    throw new DomainError("limit_exceeded", `At most ${limit} tickets per time slot in one order; you already have ${others}.`, { limit });
  }
}
