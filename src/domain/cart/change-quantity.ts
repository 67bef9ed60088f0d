import { eq } from "drizzle-orm";
import { cartItems } from "../../db/schema";
import { holdPlaces } from "../availability/hold-places";
import { releaseHold } from "../availability/holds";
import { salesWindow } from "../availability/slot-bookable";
import { withTransaction, type Ctx } from "../context";
import { DomainError } from "../errors";
import { addressCapExceeded, addressRoom, lockAddresses } from "./address-places";
import { rearmHolds } from "./cart-lines";
import type { CartOwner } from "./cart-owner";
import { loadCart, type Cart } from "./cart-view";
import { lockLine } from "./find-line";
import { checkCartLimits, checkSlotLimit } from "./limits";

/**
 * Sets a line's quantity. Raising needs the places (409 otherwise) and room in the address's cap;
 * lowering gives them back at once. An expired line is held afresh with the new quantity, at
 * today's price; a held line keeps its price. A ticket type taken off sale can only be lowered.
 */
export async function changeQuantity({ ctx, input }: { ctx: Ctx; input: { owner: CartOwner; itemId: string; quantity: number; address?: string } }): Promise<Cart> {
  return withTransaction(ctx, async ({ db }) => {
    const now = ctx.now();
    if (input.address) await lockAddresses(db, [input.address]);
    const { cartId, lines, line } = await lockLine(db, input.owner, input.itemId, now);
    const slotId = line.slotId;
    checkSlotLimit(lines, slotId, { lineId: line.id, quantity: input.quantity }, ctx.settings);
    checkCartLimits(lines, { lineId: line.id, quantity: input.quantity }, ctx.settings);

    const wasHeld = line.status === "held";
    if (!line.onSale && (!wasHeld || input.quantity > line.quantity)) throw new DomainError("ticket_type_unavailable", "That ticket type is no longer on sale: you can keep or lower what you hold, not add to it.");
    const more = !line.consumesCapacity ? 0 : wasHeld ? input.quantity - line.quantity : input.quantity;
    const takes = input.address && more > 0 ? input.address : undefined;
    if (takes && more > (await addressRoom(db, { address: takes, owner: input.owner, cartIds: [cartId], lines, now, settings: ctx.settings }))) throw addressCapExceeded(input.owner, ctx.settings);
    await db
      .update(cartItems)
      .set({ quantity: input.quantity, status: "held", ...(!wasHeld && { heldAt: now, unitPriceMinor: line.priceNowMinor }) })
      .where(eq(cartItems.id, line.id));
    await rearmHolds(db, cartId, now, ctx.settings, takes ? new Map([[cartId, takes]]) : undefined);
    const cart = await loadCart(db, cartId, ctx.settings, now);

    if (more < 0) await releaseHold(db, slotId, -more);
    else if (more > 0) await holdPlaces(db, slotId, more, salesWindow(now, ctx.settings.venueTimeZone));
    return cart;
  });
}
