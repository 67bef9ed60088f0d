import { eq } from "drizzle-orm";
import { cartItems } from "../../db/schema";
import { holdPlaces } from "../availability/hold-places";
import { lockSlots } from "../availability/holds";
import { salesWindow } from "../availability/slot-bookable";
import { withTransaction, type Ctx } from "../context";
import { isDomainError } from "../errors";
import { cartLines, rearmHolds, settleExpiredLines } from "./cart-lines";
import type { CartOwner } from "./cart-owner";
import { lockExistingCart } from "./cart-lock";
import { emptyCart, loadCart, type Cart } from "./cart-view";

/**
 * Holds expired lines again where their slot still has room and is open; the others stay
 * expired, in the cart. Live lines are re-armed. A new hold starts a new HOLD_MAX period.
 */
export async function renewHolds({ ctx, input }: { ctx: Ctx; input: { owner: CartOwner } }): Promise<Cart> {
  return withTransaction(ctx, async ({ db }) => {
    const now = ctx.now();
    const cartId = await lockExistingCart(db, input.owner, now);
    if (!cartId) return emptyCart(ctx.settings.currency);
    const before = await cartLines(db, cartId);
    await lockSlots(db, before.map((line) => line.slotId));
    await settleExpiredLines(db, cartId, now, []);

    const expired = (await cartLines(db, cartId)).filter((line) => line.status === "expired").sort((a, b) => a.slotId.localeCompare(b.slotId));
    for (const line of expired) {
      try {
        if (line.consumesCapacity) await holdPlaces(db, line.slotId, line.quantity, salesWindow(now, ctx.settings.venueTimeZone));
        await db.update(cartItems).set({ status: "held", heldAt: now }).where(eq(cartItems.id, line.id));
      } catch (error) {
        if (!isDomainError(error)) throw error;
      }
    }
    await rearmHolds(db, cartId, now, ctx.settings);
    return loadCart(db, cartId, ctx.settings, now);
  });
}
