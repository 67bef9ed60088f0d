import { createHmac, timingSafeEqual } from "node:crypto";
import { getOrder } from "@/domain/checkout/get-order";
import { DomainError } from "@/domain/errors";
import type { Order } from "@/domain/checkout/order-view";
import type { Ctx } from "@/domain/context";
import { roleIncludes } from "@/domain/staff/authorize";
import { sessionUserOf } from "./auth/session";
import { derivedKey } from "./config";

/**
 * The key in an order's access link: a MAC of the order id, so that any server process can make
 * or check it, the e-mail can carry it long after checkout, and the database holds nothing a
 * leak could replay.
 */
export const orderAccessKey = (orderId: string) => createHmac("sha256", derivedKey("order-access-link")).update(orderId).digest("base64url");

export function isOrderAccessKey(orderId: string, key: string | null | undefined): boolean {
  if (!key) return false;
  const given = Buffer.from(key);
  const expected = Buffer.from(orderAccessKey(orderId));
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * The order a request may see: its `?key=` access link, the session of the buyer who placed it, or
 * a staff session (the box office prints a sale's tickets, the desk opens any order). A door
 * account may not: the door admits tickets, it does not read buyers' orders.
 */
export async function orderForRequest(ctx: Ctx, headers: Headers, orderId: string, accessKey: string | null | undefined): Promise<Order> {
  const user = await sessionUserOf(headers);
  const mayReadAny = user !== undefined && roleIncludes(user.role, "staff");
  return getOrder({ ctx, input: { orderId, userId: user?.id, hasAccessLink: mayReadAny || isOrderAccessKey(orderId, accessKey) } });
}

/** The path that opens an order for its holder, with or without an account. */
export const orderPath = (orderId: string) => `/orders/${orderId}?key=${orderAccessKey(orderId)}`;

/** Our page that starts (or retries) the payment of an order, for the holder of its link. */
export const payPath = (provider: string, orderId: string) => `/pay/${provider}/${orderId}?key=${orderAccessKey(orderId)}`;

/** The order a request may see, refused with 409 order_not_paid when none of its tickets admits (its PDF, its calendar). */
export async function admittingOrderForRequest(ctx: Ctx, request: Request, orderId: string): Promise<Order> {
  const order = await orderForRequest(ctx, request.headers, orderId, new URL(request.url).searchParams.get("key"));
  if (order.tickets.every((ticket) => ticket.status === "void")) throw new DomainError("order_not_paid", "This order has no tickets that admit: it is not paid, or they were refunded.");
  return order;
}
