"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import type { Cart } from "@/domain/cart/cart-view";
import { useCart } from "../cart/cart-provider";
import { waitlistRequest } from "./waitlist-request";

/**
 * The one button of a waiting-list link's page. A link opened does nothing by itself (mail
 * scanners open links too): only the button claims or leaves.
 */
export function LinkAction({ action, token }: { action: "claim" | "leave"; token: string }) {
  const t = useTranslations("waitlist");
  const router = useRouter();
  const { setCart } = useCart();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [left, setLeft] = useState(false);
  const status = useRef<HTMLDivElement>(null);

  const act = async () => {
    setBusy(true);
    setError(undefined);
    const result = await waitlistRequest<{ cart?: Cart }>(`/api/waitlist/${action}`, { token }, { network: t("networkError"), generic: t("genericError") });
    if (result.ok && result.answer.cart) {
      setCart(result.answer.cart);
      return router.push("/cart");
    }
    setBusy(false);
    if (result.ok) setLeft(true);
    else setError(result.message);
    requestAnimationFrame(() => status.current?.focus());
  };

  if (left) {
    return (
      <div ref={status} tabIndex={-1} role="status" className="mt-6 rounded-xl border border-ok/30 bg-ok/5 p-5">
        <h2 className="font-serif text-2xl font-semibold text-ink">{t("leftHeading")}</h2>
        <p className="mt-2 text-ink">{t("leftText")}</p>
      </div>
    );
  }
  return (
    <div className="mt-6">
      {error && (
        <div ref={status} tabIndex={-1} role="alert" className="mb-4 rounded-lg border border-sold/30 bg-sold/5 px-3 py-2 text-sm text-sold">
          {error}
        </div>
      )}
      <button type="button" onClick={act} disabled={busy} className="w-full rounded-lg bg-accent px-5 py-3 text-lg font-semibold text-white hover:bg-accent-dark disabled:opacity-50 sm:w-auto">
        {action === "claim" ? (busy ? t("claiming") : t("claimButton")) : busy ? t("leaving") : t("leaveButton")}
      </button>
    </div>
  );
}
