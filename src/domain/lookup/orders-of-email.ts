import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { orders } from "../../db/schema";
import { loadOrders, type Order } from "../checkout/order-view";

/** The most orders one "find my booking" e-mail lists: a long-standing visitor gets the newest. */
export const LOOKUP_MAX_ORDERS = 20;

/** The orders bought with an address that its buyer may still use: paid, or waiting for payment; newest first. */
export async function ordersOfEmail(db: Executor, email: string): Promise<Order[]> {
  const ids = await db
    .select({ id: orders.id })
    .from(orders)
    .where(and(eq(sql`lower(${orders.email})`, email.toLowerCase()), inArray(orders.status, ["paid", "pending_payment"])))
    .orderBy(desc(orders.createdAt))
    .limit(LOOKUP_MAX_ORDERS);
  return loadOrders(db, ids.map((row) => row.id));
}
