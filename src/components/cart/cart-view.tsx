"use client";

import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { venueDateOf } from "@/domain/calendar/venue-time";
import type { CartItem } from "@/domain/cart/cart-view";
import { QuantityStepper } from "../booking/quantity-stepper";
import { formatDay, formatMoney, formatTime } from "../format";
import { cartRequest } from "./api";
import { wholeTotal } from "./cart-totals";
import { useCart } from "./cart-provider";
import { ExpiredBanner } from "./expired-banner";
import { failureMessage } from "./failure-message";
import { HoldCountdown } from "./hold-countdown";

export type SlotGroup = { key: string; title: string; slug: string; startsAt: string; items: CartItem[] };

/** The cart's lines by time slot, in the cart's order. */
export function groupBySlot(items: CartItem[]): SlotGroup[] {
  const groups = new Map<string, SlotGroup>();
  for (const item of items) {
    const group = groups.get(item.slotId) ?? { key: item.slotId, title: item.exhibition.title, slug: item.exhibition.slug, startsAt: item.startsAt, items: [] };
    group.items.push(item);
    groups.set(item.slotId, group);
  }
  return [...groups.values()];
}

export function EmptyCart() {
  const t = useTranslations("cart");
  return (
    <div className="mt-8 rounded-xl border border-line bg-white p-8 text-center">
      <p className="text-lg text-ink">{t("empty")}</p>
      <Link href="/exhibitions" className="mt-4 inline-block rounded-lg bg-accent px-5 py-3 font-semibold text-white hover:bg-accent-dark">
        {t("seeWhatsOn")}
      </Link>
    </div>
  );
}

export function CartView({ timeZone, maxPerOrder }: { timeZone: string; maxPerOrder: number }) {
  const t = useTranslations("cart");
  const locale = useLocale();
  const { cart, setCart } = useCart();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();

  const change = async (request: () => Promise<typeof cart>) => {
    setBusy(true);
    setError(undefined);
    try {
      setCart(await request());
    } catch (caught) {
      setError(failureMessage(caught, t));
    } finally {
      setBusy(false);
    }
  };

  if (cart.items.length === 0) return <EmptyCart />;

  return (
    <div className="mt-6 space-y-6">
      {cart.holdExpiresAt && <HoldCountdown expiresAt={cart.holdExpiresAt} />}
      {error && (
        <p role="alert" className="rounded-lg border border-sold/30 bg-sold/5 px-3 py-2 text-sm text-sold">
          {error}
        </p>
      )}
      <ExpiredBanner />
      <ul className="space-y-4">
        {groupBySlot(cart.items).map((group) => {
          const slotTotal = group.items.reduce((sum, item) => sum + item.quantity, 0);
          const time = formatTime(group.startsAt, timeZone);
          return (
            <li key={group.key} className="rounded-xl border border-line bg-white p-5" data-testid="cart-group">
              <h2 className="font-serif text-xl font-semibold text-ink">
                <Link href={`/exhibitions/${group.slug}`} className="underline-offset-4 hover:underline">
                  {group.title}
                </Link>
              </h2>
              <p className="text-sm text-muted">
                {formatDay(venueDateOf(new Date(group.startsAt), timeZone), "long", locale)}, {time}
              </p>
              <ul className="mt-4 space-y-3">
                {group.items.map((item) => (
                  <li key={item.id} className="flex flex-wrap items-center justify-between gap-3" data-testid="cart-line" data-status={item.status}>
                    <div>
                      <p className="font-medium text-ink">
                        {item.ticketType.name}
                        {item.status === "expired" && <span className="ml-2 rounded-full bg-warn/10 px-2 py-0.5 text-xs font-semibold text-warn">{t("expiredTag")}</span>}
                      </p>
                      <p className="text-sm text-muted">{t("each", { price: formatMoney(item.unitPrice, locale) })}</p>
                    </div>
                    <div className="flex items-center gap-4">
                      <QuantityStepper
                        label={`${item.ticketType.name}, ${time}`}
                        value={item.quantity}
                        canLower={!busy && item.quantity > 1}
                        canRaise={!busy && slotTotal < maxPerOrder}
                        onChange={(quantity) => change(() => cartRequest("PATCH", `/api/cart/items/${item.id}`, { quantity }))}
                      />
                      <span className="w-20 text-right font-semibold tabular-nums text-ink">{formatMoney(item.lineTotal, locale)}</span>
                      <button
                        type="button"
                        disabled={busy}
                        onClick={() => change(() => cartRequest("DELETE", `/api/cart/items/${item.id}`))}
                        className="text-sm font-medium text-sold underline-offset-4 hover:underline disabled:opacity-50"
                        aria-label={t("removeLabel", { type: item.ticketType.name, title: group.title, time })}
                      >
                        {t("remove")}
                      </button>
                    </div>
                  </li>
                ))}
              </ul>
            </li>
          );
        })}
      </ul>
      <div className="flex items-center justify-between rounded-xl border border-line bg-white p-5">
        <span className="text-lg font-semibold text-ink">{t("total")}</span>
        <span className="text-2xl font-semibold tabular-nums text-ink" data-testid="cart-total">
          {formatMoney(wholeTotal(cart), locale)}
        </span>
      </div>
    </div>
  );
}
