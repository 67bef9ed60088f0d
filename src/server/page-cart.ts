import { headers } from "next/headers";
import { getCart } from "@/domain/cart/get-cart";
import type { Cart } from "@/domain/cart/cart-view";
import { cartOwnerOf } from "./auth/session";
import { requestContext } from "./request-context";

/** The visitor's cart for a server-rendered page (read only: a page never creates a cart). */
export async function visitorCart(): Promise<Cart> {
  const owner = await cartOwnerOf(await headers());
  return getCart({ ctx: requestContext(), input: { owner } });
}
