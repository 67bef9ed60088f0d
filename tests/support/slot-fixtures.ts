import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { auditLog, orders, tickets, orderItems } from "@/db/schema";
import { addToCart } from "@/domain/cart/add-to-cart";
import { applyPaymentEvent } from "@/domain/checkout/apply-payment";
import { checkout } from "@/domain/checkout/checkout";
import type { Ctx } from "@/domain/context";
import { guest } from "./cart-fixtures";
import { contact, paidEvent } from "./order-fixtures";

export type Line = { slotId: string; ticketTypeId: string; quantity: number };

/** A guest's order of these lines, paid in full through the test provider unless `pay` is false. */
export async function placeOrder(ctx: Ctx, lines: Line[], { pay = true } = {}) {
  const owner = guest();
  for (const line of lines) await addToCart({ ctx, input: { owner, ...line } });
  const order = await checkout({ ctx, input: { owner, contact, provider: "test" } });
  if (pay && (await applyPaymentEvent({ ctx, input: paidEvent(order.id, { amountMinor: order.total.amount }) })) !== "paid") throw new Error("the test payment did not pay the order");
  return order;
}

/** The order's tickets with the slot each is for now. */
export const ticketsWithSlots = (db: Database, orderId: string) =>
  db
    .select({ id: tickets.id, code: tickets.code, status: tickets.status, voidReason: tickets.voidReason, slotId: orderItems.slotId })
    .from(tickets)
    .innerJoin(orderItems, eq(orderItems.id, tickets.orderItemId))
    .where(eq(tickets.orderId, orderId));

export const orderStatus = async (db: Database, orderId: string) => (await db.select({ status: orders.status }).from(orders).where(eq(orders.id, orderId)))[0]!.status;

export const auditOf = (db: Database, entityId: string) => db.select().from(auditLog).where(eq(auditLog.entityId, entityId)).orderBy(auditLog.id);
