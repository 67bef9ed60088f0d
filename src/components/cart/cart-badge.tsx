"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useCart } from "./cart-provider";

export function CartBadge() {
  const t = useTranslations("cart");
  const { cart } = useCart();
  const count = cart.itemCount;
  return (
    <Link href="/cart" className="inline-flex items-center gap-2 rounded-lg border border-line bg-white px-3 py-1.5 text-sm font-semibold text-ink hover:border-accent" data-testid="cart-badge">
      {t("badge")}
      <span className="rounded-full bg-accent px-2 py-0.5 text-xs text-white" aria-label={t("badgeCount", { count })}>
        {count}
      </span>
    </Link>
  );
}
