import type { Ctx } from "../context";
import { ADDED, type FunnelEvent } from "../funnel/events";
import { recordFirstCartsAfterSignIn } from "../funnel/first-cart-after-sign-in";
import { recordFunnel } from "../funnel/record-funnel";
import type { AddRequest, AddResult } from "./add-to-cart";

/**
 * The funnel's record of a batch of adds, answered or refused: one INSERT, plus one for the
 * signed-in among those that succeeded (their first add since signing in). Nothing is read first.
 */
export async function recordAdds(ctx: Ctx, requests: readonly AddRequest[], results: readonly AddResult[]): Promise<void> {
  const signedIn: { userId: string; cartId: string }[] = [];
  const events: FunnelEvent[] = requests.map((request, index) => {
    const result = results[index]!;
    const userId = request.owner.kind === "user" ? request.owner.userId : null;
    const cartId = "cart" in result ? result.cart.id : null;
    if (userId && cartId) signedIn.push({ userId, cartId });
    return { kind: "cart_add", cartId, userId, slotId: request.slotId, quantity: request.quantity, outcome: "cart" in result ? ADDED : result.error.code };
  });
  await recordFunnel(ctx, events);
  await recordFirstCartsAfterSignIn(ctx, signedIn);
}
