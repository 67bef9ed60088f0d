import { getLocale, getTranslations } from "next-intl/server";
import type { Order } from "@/domain/checkout/order-view";
import { formatMoney, formatWhen } from "../format";

/** An order's lines and total, in the page's language (a server component). */
export async function OrderSummary({ order, timeZone, className = "" }: { order: Order; timeZone: string; className?: string }) {
  const [t, locale] = await Promise.all([getTranslations("pay"), getLocale()]);
  return (
    <ul className={`space-y-1 rounded-xl border border-line bg-white p-5 text-ink ${className}`}>
      {order.items.map((item) => (
        <li key={item.id} className="flex justify-between gap-4">
          <span>
            {item.quantity} × {item.ticketType.name}, {item.exhibition.title}, {formatWhen(item.startsAt, timeZone, locale)}
          </span>
          <span className="tabular-nums">{formatMoney(item.lineTotal, locale)}</span>
        </li>
      ))}
      <li className="flex justify-between border-t border-line pt-2 font-semibold">
        <span>{t("total")}</span>
        <span className="tabular-nums">{formatMoney(order.total, locale)}</span>
      </li>
    </ul>
  );
}
