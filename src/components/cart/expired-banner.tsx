"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { cartRequest } from "./api";
import { expiredCount } from "./cart-totals";
import { useCart } from "./cart-provider";
import { failureMessage } from "./failure-message";

/** Says how many of the cart's tickets are no longer held ("all 3" or "1 of 4") and holds them again. */
export function ExpiredBanner() {
  const t = useTranslations("cart");
  const { cart, setCart } = useCart();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const { expired, count } = expiredCount(cart);
  if (expired === 0) return null;

  const holdAgain = async () => {
    setBusy(true);
    setError(undefined);
    try {
      setCart(await cartRequest("POST", "/api/cart/renew"));
    } catch (caught) {
      setError(failureMessage(caught, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="rounded-lg border border-warn/40 bg-[#fbf1e4] px-4 py-3" data-testid="expired-banner">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-warn">{expired < count ? t("expiredSome", { expired, count }) : count === 1 ? t("expiredOne") : t("expiredAll", { count })}</p>
        <button type="button" disabled={busy} onClick={holdAgain} className="rounded-lg bg-accent px-4 py-2 text-sm font-semibold text-white hover:bg-accent-dark disabled:opacity-50">
          {t("holdAgain")}
        </button>
      </div>
      {error && (
        <p role="alert" className="mt-2 text-sm text-sold">
          {error}
        </p>
      )}
    </div>
  );
}
