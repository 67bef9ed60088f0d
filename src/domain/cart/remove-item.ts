import { eq } from "drizzle-orm";
import { cartItems } from "../../db/schema";
import { releaseHold } from "../availability/holds";
import { withTransaction, type Ctx } from "../context";
import { rearmHolds } from "./cart-lines";
import type { CartOwner } from "./cart-owner";
import { loadCart, type Cart } from "./cart-view";
import { lockLine } from "./find-line";

/** Takes a line out of the cart and gives its places back at once. */
export async function removeItem({ ctx, input }: { ctx: Ctx; input: { owner: CartOwner; itemId: string } }): Promise<Cart> {
  return withTransaction(ctx, async ({ db }) => {
    const now = ctx.now();
    const { cartId, line } = await lockLine(db, input.owner, input.itemId, now);
    await db.delete(cartItems).where(eq(cartItems.id, line.id));
    if (line.status === "held" && line.consumesCapacity) await releaseHold(db, line.slotId, line.quantity);
    await rearmHolds(db, cartId, now, ctx.settings);
    return loadCart(db, cartId, ctx.settings, now);
  });
}
