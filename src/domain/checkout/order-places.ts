import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { orderItems } from "../../db/schema";
import { lockSlots } from "../availability/holds";

/** What an order takes of each slot, in slot id order (invariant 6), with every slot locked. */
export async function lockOrderPlaces(db: Executor, orderId: string): Promise<{ slotId: string; quantity: number }[]> {
  const rows = await db
    .select({ slotId: orderItems.slotId, quantity: sql<number>`sum(${orderItems.quantity})::int` })
    .from(orderItems)
    .where(and(eq(orderItems.orderId, orderId), eq(orderItems.consumesCapacity, true)))
    .groupBy(orderItems.slotId)
    .orderBy(orderItems.slotId);
  await lockSlots(db, rows.map((row) => row.slotId));
  return rows;
}
