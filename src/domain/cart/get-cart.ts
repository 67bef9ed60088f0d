import type { Ctx } from "../context";
import type { CartOwner } from "./cart-owner";
import { findCartId } from "./cart-lock";
import { emptyCart, loadCart, type Cart } from "./cart-view";

/** The owner's cart; an empty one (id null) for a visitor who has none yet. Never creates one. */
export async function getCart({ ctx, input }: { ctx: Ctx; input: { owner: CartOwner | undefined } }): Promise<Cart> {
  if (!input.owner) return emptyCart(ctx.settings.currency);
  return loadCart(ctx.db, await findCartId(ctx.db, input.owner), ctx.settings, ctx.now());
}
