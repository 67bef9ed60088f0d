import { headers } from "next/headers";
import { getCart } from "@/domain/cart/get-cart";
import type { Cart } from "@/domain/cart/cart-view";
import { cartOwnerOfCookies } from "./cart-identity";
import { requestContext } from "./request-context";

/** The visitor's cart for a server-rendered page (read only: a page never creates a cart). */
export async function visitorCart(): Promise<Cart> {
  const owner = cartOwnerOfCookies((await headers()).get("cookie"));
  return getCart({ ctx: requestContext(), input: { owner } });
}
