import { and, asc, eq, gt, or } from "drizzle-orm";
import { orders } from "../../db/schema";
import { findCartId } from "../cart/cart-lock";
import type { CartOwner } from "../cart/cart-owner";
import type { Ctx } from "../context";
import { money, type Money } from "../money";

export type PendingOrder = { id: string; number: string; provider: string; total: Money; expiresAt: string };

/**
 * The owner's orders still waiting for payment and still payable, oldest first: what they left to
 * pay (Back from the payment page) and could think lost. A guest's are the ones checked out from
 * their cart (its cookie is all a guest has); a signed-in visitor's are theirs or their cart's.
 */
export async function pendingOrders({ ctx, input }: { ctx: Ctx; input: { owner: CartOwner | undefined } }): Promise<PendingOrder[]> {
  const { owner } = input;
  if (!owner) return [];
  const cartId = await findCartId(ctx.db, owner);
  const fromCart = cartId ? eq(orders.cartId, cartId) : undefined;
  if (!fromCart && owner.kind === "guest") return [];
  const rows = await ctx.db
    .select({ id: orders.id, number: orders.number, provider: orders.provider, totalMinor: orders.totalMinor, currency: orders.currency, expiresAt: orders.expiresAt })
    .from(orders)
    .where(and(eq(orders.status, "pending_payment"), gt(orders.expiresAt, ctx.now()), owner.kind === "user" ? or(fromCart, eq(orders.userId, owner.userId)) : fromCart))
    .orderBy(asc(orders.createdAt));
  return rows.map((row) => ({ id: row.id, number: row.number, provider: row.provider, total: money(row.totalMinor, row.currency), expiresAt: row.expiresAt.toISOString() }));
}
