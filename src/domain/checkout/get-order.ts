import { eq } from "drizzle-orm";
import { orders } from "../../db/schema";
import type { Ctx } from "../context";
import { DomainError } from "../errors";
import { loadOrder, type Order } from "./order-view";
import { isUuid } from "../uuid";

/**
 * An order for whoever may see it: the signed-in buyer, or the holder of its access link (checked
 * by the caller, who holds the key that signs links). To
 * anyone else it does not exist (404, never 403: an order id says nothing about whether it is real).
 */
export async function getOrder({ ctx, input }: { ctx: Ctx; input: { orderId: string; userId?: string; hasAccessLink: boolean } }): Promise<Order> {
  const missing = new DomainError("not_found", "There is no such order.");
  if (!isUuid(input.orderId)) throw missing;
  const [head] = await ctx.db.select({ userId: orders.userId }).from(orders).where(eq(orders.id, input.orderId));
  const allowed = head && (input.hasAccessLink || (input.userId !== undefined && head.userId === input.userId));
  if (!allowed) throw missing;
  return (await loadOrder(ctx.db, input.orderId))!;
}
