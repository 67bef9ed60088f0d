import { eq } from "drizzle-orm";
import { cartItems } from "../../db/schema";
import { holdPlaces } from "../availability/hold-places";
import { withTransaction, type Ctx } from "../context";
import { findBookable } from "./bookable";
import { cartLines, holdExpiry, rearmHolds, settleExpiredLines } from "./cart-lines";
import type { CartOwner } from "./cart-owner";
import { lockCart } from "./cart-lock";
import { loadCart, type Cart } from "./cart-view";
import { checkSlotLimit } from "./limits";

/**
 * Puts tickets for a slot in the owner's cart and holds their places at once. Adding the same
 * slot and ticket type again raises that line; an expired line is held afresh with its new total.
 */
export async function addToCart({ ctx, input }: { ctx: Ctx; input: { owner: CartOwner; slotId: string; ticketTypeId: string; quantity: number } }): Promise<Cart> {
  const bookable = await findBookable(ctx, input);
  return withTransaction(ctx, async ({ db }) => {
    const now = ctx.now();
    const { id: cartId, created } = await lockCart(db, input.owner, now);
    // A cart made by this very request has no lines to settle, read or re-arm.
    if (!created) await settleExpiredLines(db, cartId, now, [input.slotId]);
    const lines = created ? [] : await cartLines(db, cartId);
    const line = lines.find((candidate) => candidate.slotId === input.slotId && candidate.ticketTypeId === input.ticketTypeId);
    const quantity = (line?.quantity ?? 0) + input.quantity;
    checkSlotLimit(lines, input.slotId, { lineId: line?.id ?? "new", quantity }, ctx.settings);

    const stillHeld = line?.status === "held";
    const heldAt = stillHeld ? line.heldAt : now;
    if (line) {
      await db.update(cartItems).set({ quantity, status: "held", heldAt }).where(eq(cartItems.id, line.id));
    } else {
      await db.insert(cartItems).values({ cartId, slotId: input.slotId, ticketTypeId: input.ticketTypeId, quantity, status: "held", heldAt, holdExpiresAt: holdExpiry(now, now, ctx.settings) });
    }
    if (!created) await rearmHolds(db, cartId, now, ctx.settings);
    const cart = await loadCart(db, cartId, ctx.settings, now);

    // Last, so the hot slot row stays locked only for this statement and the commit.
    if (bookable.consumesCapacity) await holdPlaces(db, input.slotId, stillHeld ? input.quantity : quantity, now, ctx.settings.venueTimeZone);
    return cart;
  });
}

