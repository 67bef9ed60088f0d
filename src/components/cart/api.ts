import { brand } from "@/domain/brand";
import type { Cart } from "@/domain/cart/cart-view";

const cartRequestError = brand<CartRequestError>("CartRequestError");

export class CartRequestError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
  ) {
    super(message);
    cartRequestError.mark(this);
  }
}

export const isCartRequestError = cartRequestError.is;

/** Calls the cart API and returns the cart it answers with, or throws its error message for people. */
export async function cartRequest(method: "GET" | "POST" | "PATCH" | "DELETE", path: string, body?: unknown): Promise<Cart> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new CartRequestError("We could not reach the server. Check your connection and try again.", 0, "network");
  }
  const payload = (await response.json().catch(() => ({}))) as { cart?: Cart; error?: { code: string; message: string } };
  if (!response.ok || !payload.cart) {
    throw new CartRequestError(payload.error?.message ?? "Something went wrong; please try again.", response.status, payload.error?.code ?? "internal");
  }
  return payload.cart;
}
