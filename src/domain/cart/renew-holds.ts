import { eq } from "drizzle-orm";
import { cartItems } from "../../db/schema";
import { holdPlaces } from "../availability/hold-places";
import { lockSlots } from "../availability/holds";
import { salesWindow } from "../availability/slot-bookable";
import { withTransaction, type Ctx } from "../context";
import { isDomainError } from "../errors";
import { addressRoom, lockAddresses } from "./address-places";
import { cartLines, rearmHolds, settleExpiredLines } from "./cart-lines";
import type { CartOwner } from "./cart-owner";
import { lockExistingCart } from "./cart-lock";
import { emptyCart, loadCart, type Cart } from "./cart-view";

/**
 * Holds expired lines again where their slot still has room and is open, within the address's
 * cap, at today's price; the others, and those of a ticket type taken off sale, stay expired, in
 * the cart. Live lines are re-armed. A renewed line starts a new
 * HOLD_MAX period, at most MAX_HOLD_RENEWALS times: then it stays expired, so that a script cannot
 * keep places by renewing them forever; holding them again takes an add, counted like any other.
 */
export async function renewHolds({ ctx, input }: { ctx: Ctx; input: { owner: CartOwner; address?: string } }): Promise<Cart> {
  return withTransaction(ctx, async ({ db }) => {
    const now = ctx.now();
    if (input.address) await lockAddresses(db, [input.address]);
    const cartId = await lockExistingCart(db, input.owner, now);
    if (!cartId) return emptyCart(ctx.settings.currency);
    const before = await cartLines(db, cartId);
    await lockSlots(db, before.map((line) => line.slotId));
    await settleExpiredLines(db, cartId, now, []);

    const lines = await cartLines(db, cartId);
    let room = input.address ? await addressRoom(db, { address: input.address, owner: input.owner, cartIds: [cartId], lines, now, settings: ctx.settings }) : Infinity;
    const renewable = lines.filter((line) => line.status === "expired" && line.onSale && line.renewals < ctx.settings.maxHoldRenewals);
    for (const line of renewable.sort((a, b) => a.slotId.localeCompare(b.slotId))) {
      const places = line.consumesCapacity ? line.quantity : 0;
      if (places > room) continue;
      try {
        if (places > 0) await holdPlaces(db, line.slotId, places, salesWindow(now, ctx.settings.venueTimeZone));
        await db.update(cartItems).set({ status: "held", heldAt: now, unitPriceMinor: line.priceNowMinor, renewals: line.renewals + 1 }).where(eq(cartItems.id, line.id));
        room -= places;
      } catch (error) {
        if (!isDomainError(error)) throw error;
      }
    }
    // The cart's places count against this address only if they all fit there.
    const takenFrom = input.address && room >= 0 ? new Map([[cartId, input.address]]) : undefined;
    await rearmHolds(db, cartId, now, ctx.settings, takenFrom);
    return loadCart(db, cartId, ctx.settings, now);
  });
}
