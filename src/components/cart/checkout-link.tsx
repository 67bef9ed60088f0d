"use client";

import Link from "next/link";
import { useCart } from "./cart-provider";

/** "Checkout" under the cart, while it holds anything to buy. */
export function CheckoutLink() {
  const { cart } = useCart();
  if (!cart.items.some((item) => item.status === "held")) return null;
  return (
    <div className="mt-6 flex justify-end">
      <Link href="/checkout" className="rounded-lg bg-accent px-6 py-3 text-lg font-semibold text-white hover:bg-accent-dark">
        Checkout
      </Link>
    </div>
  );
}
