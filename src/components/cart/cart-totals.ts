import type { Cart } from "@/domain/cart/cart-view";
import { money, type Money } from "@/domain/money";

/**
 * What all the cart's tickets cost, held or not: the figure that goes with the badge's count.
 * `cart.total` counts held lines only (what checkout would charge now), so a cart whose holds all
 * ran out showed ₹0 beside a badge of 3. An expired line is priced at what holding it again costs.
 */
export const wholeTotal = (cart: Cart): Money =>
  money(
    cart.items.reduce((sum, item) => sum + item.lineTotal.amount, 0),
    cart.total.currency,
  );

/** How many tickets are no longer held, of how many. */
export function expiredCount(cart: Cart): { expired: number; count: number } {
  const expired = cart.items.filter((item) => item.status === "expired").reduce((sum, item) => sum + item.quantity, 0);
  return { expired, count: cart.itemCount };
}
