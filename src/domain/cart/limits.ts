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

/**
 * MAX_CART_TICKETS and MAX_CART_LINES bound the whole cart, every slot and free tickets too, and
 * so the order made from it: what its page, its PDF and its e-mail cost.
 */
export function checkCartSize(size: { lines: number; tickets: number }, settings: Settings): void {
  if (size.lines > settings.maxCartLines) {
    throw new DomainError("limit_exceeded", `At most ${settings.maxCartLines} different tickets (times and kinds) in one order; please remove some.`, { limit: settings.maxCartLines });
  }
  if (size.tickets > settings.maxCartTickets) {
    throw new DomainError("limit_exceeded", `At most ${settings.maxCartTickets} tickets in one order; for a larger group, please book at the box office.`, { limit: settings.maxCartTickets });
  }
}

/** checkCartSize for a cart whose line `proposed` (as for checkSlotLimit) is about to have that quantity. */
export function checkCartLimits(lines: Line[], proposed: { lineId: string | "new"; quantity: number }, settings: Settings): void {
  const others = lines.filter((line) => line.id !== proposed.lineId);
  checkCartSize({ lines: others.length + 1, tickets: others.reduce((sum, line) => sum + line.quantity, 0) + proposed.quantity }, settings);
}
