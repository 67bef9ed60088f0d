"use client";

import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { venueDateOf } from "@/domain/calendar/venue-time";
import { wholeTotal } from "../cart/cart-totals";
import { EmptyCart, groupBySlot } from "../cart/cart-view";
import { ExpiredBanner } from "../cart/expired-banner";
import { HoldCountdown } from "../cart/hold-countdown";
import { useCart } from "../cart/cart-provider";
import { formatDay, formatMoney, formatTime } from "../format";

/**
 * The cart at checkout, read only and compact, so that on a phone the form starts on the first
 * screen; "Edit" goes back to the cart. The countdown stays in view (sticky) while the form is filled.
 */
export function CheckoutSummary({ timeZone }: { timeZone: string }) {
  const t = useTranslations("checkout");
  const tCart = useTranslations("cart");
  const locale = useLocale();
  const { cart } = useCart();
  if (cart.items.length === 0) return <EmptyCart />;

  return (
    <>
      {cart.holdExpiresAt && (
        <div className="sticky top-0 z-10 -mx-4 bg-paper px-4 py-2">
          <HoldCountdown expiresAt={cart.holdExpiresAt} />
        </div>
      )}
      <div className="mt-2">
        <ExpiredBanner />
      </div>
      <section aria-labelledby="checkout-summary" className="mt-3 rounded-xl border border-line bg-white px-4 py-3">
        <div className="flex items-baseline justify-between gap-3">
          <h2 id="checkout-summary" className="font-semibold text-ink">
            {t("summary")}
          </h2>
          <Link href="/cart" className="text-sm font-semibold text-accent underline underline-offset-4">
            {t("edit")}
          </Link>
        </div>
        <ul className="mt-2 space-y-2 text-sm">
          {groupBySlot(cart.items).map((group) => (
            <li key={group.key}>
              <p className="font-medium text-ink">
                {group.title} · {formatDay(venueDateOf(new Date(group.startsAt), timeZone), "short", locale)}, {formatTime(group.startsAt, timeZone)}
              </p>
              <ul>
                {group.items.map((item) => (
                  <li key={item.id} className="flex justify-between gap-3 text-muted" data-testid="cart-line" data-status={item.status}>
                    <span>
                      {t("line", { quantity: item.quantity, type: item.ticketType.name })}
                      {item.status === "expired" && <span className="ml-2 rounded-full bg-warn/10 px-2 py-0.5 text-xs font-semibold text-warn">{tCart("expiredTag")}</span>}
                    </span>
                    <span className="tabular-nums">{formatMoney(item.lineTotal, locale)}</span>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
        <p className="mt-2 flex justify-between border-t border-line pt-2 font-semibold text-ink">
          <span>{tCart("total")}</span>
          <span className="tabular-nums" data-testid="cart-total">
            {formatMoney(wholeTotal(cart), locale)}
          </span>
        </p>
      </section>
    </>
  );
}
