import type { Order } from "@/domain/checkout/order-view";
import { formatMoney, formatWhen } from "../format";

/** An order's lines and total. */
export function OrderSummary({ order, timeZone, className = "" }: { order: Order; timeZone: string; className?: string }) {
  return (
    <ul className={`space-y-1 rounded-xl border border-line bg-white p-5 text-ink ${className}`}>
      {order.items.map((item) => (
        <li key={item.id} className="flex justify-between gap-4">
          <span>
            {item.quantity} × {item.ticketType.name}, {item.exhibition.title}, {formatWhen(item.startsAt, timeZone)}
          </span>
          <span className="tabular-nums">{formatMoney(item.lineTotal)}</span>
        </li>
      ))}
      <li className="flex justify-between border-t border-line pt-2 font-semibold">
        <span>Total</span>
        <span className="tabular-nums">{formatMoney(order.total)}</span>
      </li>
    </ul>
  );
}
