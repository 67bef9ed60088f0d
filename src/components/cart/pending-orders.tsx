"use client";

import { useLocale, useTranslations } from "next-intl";
import type { Money } from "@/domain/money";
import { formatMoney } from "../format";
import { mmss, useSecondsLeft } from "./use-seconds-left";

export type PendingPayment = { id: string; number: string; total: Money; expiresAt: string; payUrl: string };

/**
 * The visitor's orders left unpaid (Back from the payment page empties the cart into them): their
 * total, the time left to pay and the way back, so the booking is never thought lost.
 */
export function PendingOrders({ orders }: { orders: PendingPayment[] }) {
  if (orders.length === 0) return null;
  return (
    <ul className="mt-6 space-y-3">
      {orders.map((order) => (
        <PendingOrder key={order.id} order={order} />
      ))}
    </ul>
  );
}

function PendingOrder({ order }: { order: PendingPayment }) {
  const t = useTranslations("cart");
  const locale = useLocale();
  const left = useSecondsLeft(order.expiresAt);
  const total = formatMoney(order.total, locale);
  return (
    <li className="rounded-xl border-2 border-accent/50 bg-white p-5" data-testid="pending-order">
      <h2 className="font-serif text-xl font-semibold text-ink">{t("pendingTitle", { number: order.number })}</h2>
      {left === 0 ? (
        <p className="mt-1 text-muted">{t("pendingOver", { total })}</p>
      ) : (
        <>
          <p className="mt-1 text-ink">
            {t.rich("pendingBody", {
              total,
              time: mmss(left),
              clock: (chunks) => (
                <span className="font-mono font-semibold tabular-nums" data-testid="pending-countdown">
                  {chunks}
                </span>
              ),
            })}
          </p>
          {/* A plain link: the payment page starts a payment, which no prefetch may do. */}
          <a href={order.payUrl} className="mt-3 inline-block rounded-lg bg-accent px-5 py-3 font-semibold text-white no-underline hover:bg-accent-dark">
            {t("continueToPayment")}
          </a>
        </>
      )}
    </li>
  );
}
