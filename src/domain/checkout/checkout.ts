import { and, eq, inArray, sql } from "drizzle-orm";
import { cartItems, orderItems, orders, ticketTypes } from "../../db/schema";
import { cartLines, settleExpiredLines } from "../cart/cart-lines";
import type { CartOwner } from "../cart/cart-owner";
import { lockExistingCart } from "../cart/cart-lock";
import { checkCartSize } from "../cart/limits";
import { withTransaction, type Ctx } from "../context";
import { DomainError } from "../errors";
import { loadOrder, type Order } from "./order-view";

export type Contact = { name: string; email: string; phone?: string };


/**
 * Turns the cart's held lines into an order waiting for payment until PAYMENT_TTL_SECONDS from
 * now. The places move with the lines (the slot's `held` does not change), so nothing can take
 * them in between. Expired lines stay in the cart.
 */
export async function checkout({ ctx, input }: { ctx: Ctx; input: { owner: CartOwner; contact: Contact; userId?: string; provider: string } }): Promise<Order> {
  return withTransaction(ctx, async ({ db }) => {
    const now = ctx.now();
    const cartId = await lockExistingCart(db, input.owner, now);
    if (!cartId) throw new DomainError("cart_empty", "Your cart is empty: add tickets before checking out.");
    await settleExpiredLines(db, cartId, now, []);
    const lines = await cartLines(db, cartId);
    if (lines.length === 0) throw new DomainError("cart_empty", "Your cart is empty: add tickets before checking out.");
    const held = lines.filter((line) => line.status === "held");
    if (held.length === 0) throw new DomainError("cart_expired", "The hold on your tickets has run out. Hold them again from your cart while places are free.");
    // Carts are kept within these at every change; a cart filled before they were lowered is not.
    checkCartSize({ lines: held.length, tickets: held.reduce((sum, line) => sum + line.quantity, 0) }, ctx.settings);

    const prices = await db.select({ id: ticketTypes.id, priceMinor: ticketTypes.priceMinor }).from(ticketTypes).where(inArray(ticketTypes.id, held.map((line) => line.ticketTypeId)));
    const priceOf = (ticketTypeId: string) => prices.find((price) => price.id === ticketTypeId)!.priceMinor;
    const [{ number }] = (await db.execute<{ number: string }>(sql`SELECT nextval('order_numbers')::text AS number`)).rows as [{ number: string }];
    const [order] = await db
      .insert(orders)
      .values({
        number,
        userId: input.userId,
        name: input.contact.name,
        email: input.contact.email,
        phone: input.contact.phone,
        totalMinor: held.reduce((sum, line) => sum + priceOf(line.ticketTypeId) * line.quantity, 0),
        currency: ctx.settings.currency,
        provider: input.provider,
        expiresAt: new Date(now.getTime() + ctx.settings.paymentTtlSeconds * 1000),
        // Its places stay counted against the address they were held from until it is paid or expires.
        clientAddress: held.find((line) => line.clientAddress)?.clientAddress,
        createdAt: now,
      })
      .returning({ id: orders.id });
    await db.insert(orderItems).values(
      held.map((line) => ({ orderId: order!.id, slotId: line.slotId, ticketTypeId: line.ticketTypeId, quantity: line.quantity, unitPriceMinor: priceOf(line.ticketTypeId), consumesCapacity: line.consumesCapacity })),
    );
    await db.delete(cartItems).where(and(eq(cartItems.cartId, cartId), inArray(cartItems.id, held.map((line) => line.id))));
    return (await loadOrder(db, order!.id))!;
  });
}
