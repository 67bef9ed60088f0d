import { withTransaction, type Ctx } from "../context";
import { recordFunnel } from "../funnel/record-funnel";
import { mergeCarts, type RefusedLine } from "./merge-carts";
import type { CartOwner } from "./cart-owner";
import type { Cart } from "./cart-view";

/**
 * What a sign-in does to carts: the guest's merged into the user's, and the sign-in recorded in
 * the funnel in the same transaction; its time starts the clock of "first cart after sign-in".
 */
export async function mergeOnSignIn({ ctx, input }: { ctx: Ctx; input: { from?: CartOwner; userId: string; address?: string } }): Promise<{ cart: Cart; refused: RefusedLine[] }> {
  return withTransaction(ctx, async (tx) => {
    const merged = await mergeCarts({ ctx: tx, input: { from: input.from, into: { kind: "user", userId: input.userId }, address: input.address } });
    await recordFunnel(tx, [{ kind: "sign_in", userId: input.userId, cartId: merged.cart.id }]);
    return merged;
  });
}
