import { eq } from "drizzle-orm";
import { cartItems } from "../../db/schema";
import { holdPlaces } from "../availability/hold-places";
import { releaseHold } from "../availability/holds";
import { salesWindow } from "../availability/slot-bookable";
import { withTransaction, type Ctx } from "../context";
import { rearmHolds } from "./cart-lines";
import type { CartOwner } from "./cart-owner";
import { loadCart, type Cart } from "./cart-view";
import { lockLine } from "./find-line";
import { checkSlotLimit } from "./limits";

/**
 * Sets a line's quantity. Raising needs the places (409 otherwise); lowering gives them back at
 * once. An expired line is held afresh with the new quantity.
 */
export async function changeQuantity({ ctx, input }: { ctx: Ctx; input: { owner: CartOwner; itemId: string; quantity: number } }): Promise<Cart> {
  return withTransaction(ctx, async ({ db }) => {
    const now = ctx.now();
    const { cartId, lines, line } = await lockLine(db, input.owner, input.itemId, now);
    const slotId = line.slotId;
    checkSlotLimit(lines, slotId, { lineId: line.id, quantity: input.quantity }, ctx.settings);

    const wasHeld = line.status === "held";
    await db
      .update(cartItems)
      .set({ quantity: input.quantity, status: "held", ...(!wasHeld && { heldAt: now }) })
      .where(eq(cartItems.id, line.id));
    await rearmHolds(db, cartId, now, ctx.settings);
    const cart = await loadCart(db, cartId, ctx.settings, now);

    if (line.consumesCapacity) {
      const more = wasHeld ? input.quantity - line.quantity : input.quantity;
      if (more < 0) await releaseHold(db, slotId, -more);
      else await holdPlaces(db, slotId, more, salesWindow(now, ctx.settings.venueTimeZone));
    }
    return cart;
  });
}
