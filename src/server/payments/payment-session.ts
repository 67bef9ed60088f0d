import { and, eq, isNull } from "drizzle-orm";
import type { Database } from "@/db/client";
import { orders } from "@/db/schema";
import type { PaymentProvider, PaymentStart, PaymentUrls } from "./provider";

const pendingOrder = async (db: Database, id: string) => (await db.select().from(orders).where(and(eq(orders.id, id), eq(orders.status, "pending_payment"))))[0];

/**
 * Where the buyer pays for an order still waiting for payment (undefined for any other): the
 * provider's session or order made for it before, while it can still be paid, or else a new one.
 * A new one is kept only if nobody stored another meanwhile (a conditional update), so a reload or
 * a second tab leads to the same checkout and the buyer is never offered two ways to pay one order.
 * The provider is called with no transaction open (invariant 7).
 */
export async function paymentSession({ db, provider, orderId, urls }: { db: Database; provider: PaymentProvider; orderId: string; urls: PaymentUrls }): Promise<PaymentStart | undefined> {
  const order = await pendingOrder(db, orderId);
  if (!order) return undefined;
  const resumed = order.providerRef ? await provider.resume(order.providerRef, order, urls) : undefined;
  if (resumed) return resumed;

  const started = await provider.start(order, urls);
  if (!started.providerRef) return started;
  const stored = await db
    .update(orders)
    .set({ providerRef: started.providerRef })
    .where(and(eq(orders.id, orderId), eq(orders.status, "pending_payment"), order.providerRef ? eq(orders.providerRef, order.providerRef) : isNull(orders.providerRef)))
    .returning({ id: orders.id });
  if (stored.length > 0) return started;
  // Another view stored its own first: that one is the order's, and this one is never shown.
  const winner = await pendingOrder(db, orderId);
  return winner?.providerRef ? provider.resume(winner.providerRef, winner, urls) : undefined;
}
