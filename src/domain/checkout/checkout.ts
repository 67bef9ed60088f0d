import { and, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { cartItems, exhibitions, orderItems, orders, timeSlots } from "../../db/schema";
import { salesWindow, slotClosure, type SalesWindow } from "../availability/slot-bookable";
import { clockTime } from "../calendar/venue-time";
import { cartLines, settleExpiredLines, type Line } from "../cart/cart-lines";
import type { CartOwner } from "../cart/cart-owner";
import { lockExistingCart } from "../cart/cart-lock";
import { checkCartSize } from "../cart/limits";
import { withTransaction, type Ctx } from "../context";
import { recordFunnel } from "../funnel/record-funnel";
import { refuseUnaccompanied } from "./companions";
import { DomainError } from "../errors";
import { loadOrder, type Order } from "./order-view";

export type Contact = { name: string; email: string; phone?: string };


/**
 * Turns the cart's held lines into an order waiting for payment until PAYMENT_TTL_SECONDS from
 * now. The places move with the lines (the slot's `held` does not change), so nothing can take
 * them in between. Expired lines stay in the cart. A held line whose slot is no longer bookable
 * (started, closed) refuses the whole checkout, changing nothing: the visitor pays for exactly
 * the lines they saw, at the prices their holds were taken at, or is told which to remove.
 */
export async function checkout({ ctx, input }: { ctx: Ctx; input: { owner: CartOwner; contact: Contact; userId?: string; provider: string; locale?: string } }): Promise<Order> {
  return withTransaction(ctx, async (tx) => {
    const { db } = tx;
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
    await refuseClosedLines(db, held, salesWindow(now, ctx.settings.venueTimeZone));
    refuseUnaccompanied(held);

    const [{ number }] = (await db.execute<{ number: string }>(sql`SELECT nextval('order_numbers')::text AS number`)).rows as [{ number: string }];
    const [order] = await db
      .insert(orders)
      .values({
        number,
        userId: input.userId,
        name: input.contact.name,
        email: input.contact.email,
        phone: input.contact.phone,
        totalMinor: held.reduce((sum, line) => sum + line.unitPriceMinor * line.quantity, 0),
        currency: ctx.settings.currency,
        provider: input.provider,
        locale: input.locale,
        cartId,
        expiresAt: new Date(now.getTime() + ctx.settings.paymentTtlSeconds * 1000),
        // Its places stay counted against the address they were held from until it is paid or expires.
        clientAddress: held.find((line) => line.clientAddress)?.clientAddress,
        createdAt: now,
      })
      .returning({ id: orders.id });
    await db.insert(orderItems).values(
      held.map((line) => ({ orderId: order!.id, slotId: line.slotId, ticketTypeId: line.ticketTypeId, quantity: line.quantity, unitPriceMinor: line.unitPriceMinor, consumesCapacity: line.consumesCapacity })),
    );
    await db.delete(cartItems).where(and(eq(cartItems.cartId, cartId), inArray(cartItems.id, held.map((line) => line.id))));
    await recordFunnel(tx, [{ kind: "checkout", cartId, userId: input.userId, orderId: order!.id, quantity: held.reduce((sum, line) => sum + line.quantity, 0) }]);
    return (await loadOrder(db, order!.id))!;
  });
}

/** 422 slot_closed naming the lines whose slot can no longer be booked, by the rule adding follows. */
async function refuseClosedLines(db: Executor, lines: Line[], window: SalesWindow): Promise<void> {
  const slots = await db
    .select({ id: timeSlots.id, status: timeSlots.status, startsAt: timeSlots.startsAt, exhibitionStatus: exhibitions.status, title: exhibitions.title })
    .from(timeSlots)
    .innerJoin(exhibitions, eq(exhibitions.id, timeSlots.exhibitionId))
    .where(inArray(timeSlots.id, lines.map((line) => line.slotId)));
  const closed = slots.filter((slot) => slotClosure(slot, window));
  if (closed.length === 0) return;
  const names = closed.map((slot) => `${slot.title} at ${clockTime(slot.startsAt, window.timeZone)}`).join(", ");
  throw new DomainError("slot_closed", `No longer on sale: ${names}. Remove ${closed.length === 1 ? "it" : "them"} from your cart to buy the rest.`, {
    itemIds: lines.filter((line) => closed.some((slot) => slot.id === line.slotId)).map((line) => line.id),
  });
}
