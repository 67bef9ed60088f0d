import { headers } from "next/headers";
import { pendingOrders, type PendingOrder } from "@/domain/checkout/pending-orders";
import { cartOwnerOf } from "./auth/session";
import { payPath } from "./order-access";
import { requestContext } from "./request-context";

export type PendingPayment = PendingOrder & { payUrl: string };

/**
 * The visitor's orders left unpaid, each with the link that pays it: the one checkout sent them to,
 * so it shows them nothing their cart's cookie did not already give them.
 */
export async function visitorPendingOrders(): Promise<PendingPayment[]> {
  const owner = await cartOwnerOf(await headers());
  const orders = await pendingOrders({ ctx: requestContext(), input: { owner } });
  return orders.map((order) => ({ ...order, payUrl: payPath(order.provider, order.id) }));
}
