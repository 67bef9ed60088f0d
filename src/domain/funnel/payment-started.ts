import { sql } from "drizzle-orm";
import type { Ctx } from "../context";

/**
 * The buyer was shown a way to pay for an order (the provider's session, or the test provider's
 * buttons): recorded once per order, however often the payment page is opened.
 */
export async function recordPaymentStarted({ ctx, input }: { ctx: Ctx; input: { orderId: string } }): Promise<void> {
  const { rows } = await ctx.db.execute(sql`
    INSERT INTO funnel_events (kind, at, order_id) VALUES ('payment_started', ${ctx.now()}, ${input.orderId})
    ON CONFLICT (order_id) WHERE kind = 'payment_started' DO NOTHING RETURNING id`);
  if (rows.length > 0) ctx.funnel?.([{ kind: "payment_started", orderId: input.orderId }]);
}
