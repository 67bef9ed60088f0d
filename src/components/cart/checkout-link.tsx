"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useCart } from "./cart-provider";

/** "Checkout" under the cart, while it holds anything to buy. */
export function CheckoutLink() {
  const t = useTranslations("cart");
  const { cart } = useCart();
  if (!cart.items.some((item) => item.status === "held")) return null;
  return (
    <div className="mt-6 flex justify-end">
      <Link href="/checkout" className="rounded-lg bg-accent px-6 py-3 text-lg font-semibold text-white hover:bg-accent-dark">
        {t("checkout")}
      </Link>
    </div>
  );
}
