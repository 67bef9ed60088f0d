"use client";

import { formatMoney, formatTime } from "@/components/format";
import type { CounterPayment } from "@/domain/box-office/sale-input";
import type { Order } from "@/domain/checkout/order-view";
import { PAYMENT_NAMES } from "./payment-names";

export type Sold = { order: Order; ticketsUrl: string; payment: CounterPayment };

const ACTION = "rounded-lg px-5 py-3 text-center font-semibold";

/** A sale made: its number to say out loud, its tickets to print, where they were e-mailed, and the way to the next sale. */
export function SaleResult({ sold, timeZone, onNext }: { sold: Sold; timeZone: string; onNext: () => void }) {
  const { order } = sold;
  const starts = [...new Set(order.items.map((item) => `${item.exhibition.title} at ${formatTime(item.startsAt, timeZone)}`))].join(", ");
  return (
    <section aria-labelledby="sale-heading" className="mt-6 rounded-xl border border-ok bg-white p-6" data-testid="sale-result">
      <p role="status" className="text-sm font-semibold uppercase tracking-widest text-ok">Sold · {PAYMENT_NAMES[sold.payment]}{sold.payment === "invoice" && " (invoice owed)"}</p>
      <h2 id="sale-heading" className="mt-2 font-serif text-3xl font-semibold text-ink">
        Order <span data-testid="sale-number">{order.number}</span>
      </h2>
      <p className="mt-2 text-ink">
        {order.tickets.length} {order.tickets.length === 1 ? "ticket" : "tickets"} for {starts} · {formatMoney(order.total)}
      </p>
      <p className="mt-1 text-sm text-muted">{order.email ? `The tickets are being e-mailed to ${order.email}.` : "No e-mail given: print the tickets for the visitor."}</p>
      <div className="mt-6 flex flex-wrap gap-3">
        <a href={sold.ticketsUrl} target="_blank" rel="noopener" className={`${ACTION} bg-accent text-white hover:bg-accent-dark`} data-testid="print-tickets">
          Print tickets
        </a>
        <button type="button" onClick={onNext} className={`${ACTION} border border-line bg-white text-ink hover:border-accent`}>
          Next sale
        </button>
      </div>
    </section>
  );
}
