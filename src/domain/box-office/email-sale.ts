import { sql } from "drizzle-orm";
import { z } from "zod";
import { orders, outbox } from "../../db/schema";
import { loadOrder, type Order } from "../checkout/order-view";
import { withTransaction, type Ctx } from "../context";
import { DomainError } from "../errors";
import { parseInput } from "../parse-input";
import { audit } from "../staff/audit";
import { authorize } from "../staff/authorize";

export const saleEmailInput = z.object({ email: z.string("must be an email address").trim().toLowerCase().pipe(z.email("must be an email address")) }).strict();

/**
 * The address a walk-up gives after paying: the counter sale (one that had none) gets it, and its
 * confirmation with the tickets leaves through the outbox as a visitor's would. An order that has
 * an address already is the service desk's to resend, not this verb's to readdress.
 */
export async function emailSale({ ctx, input }: { ctx: Ctx; input: { orderId: string; body: unknown } }): Promise<Order> {
  const actor = authorize(ctx, "staff");
  const { email } = parseInput(saleEmailInput, input.body);
  return withTransaction(ctx, async ({ db }) => {
    const { rows } = await db.execute<{ id: string; email: string; status: string; channel: string }>(sql`
      SELECT id, email, status, channel FROM ${orders} WHERE id = ${input.orderId} FOR UPDATE`);
    const order = rows[0];
    if (!order || order.channel !== "box_office") throw new DomainError("not_found", "There is no such box-office sale.");
    if (order.email) throw new DomainError("invalid_request", "This sale has an e-mail address already; resend its tickets from the service desk.", { fields: { email: "the sale has one already" } });
    if (order.status !== "paid") throw new DomainError("order_not_paid", `This sale is ${order.status}; it has no valid tickets to send.`);
    await db.update(orders).set({ email }).where(sql`${orders.id} = ${order.id}`);
    await db.insert(outbox).values({ kind: "confirmation", orderId: order.id, createdAt: ctx.now() }).onConflictDoNothing();
    await audit({ ...ctx, db }, actor, { action: "order.email", entityType: "order", entityId: order.id, before: { email: "" }, after: { email } });
    return (await loadOrder(db, order.id))!;
  });
}
