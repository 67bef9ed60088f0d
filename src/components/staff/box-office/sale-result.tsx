"use client";

import { useState } from "react";
import { formatMoney, formatTime } from "@/components/format";
import type { CounterPayment } from "@/domain/box-office/sale-input";
import type { Order } from "@/domain/checkout/order-view";
import { problemMessage, staffApi } from "../staff-api";
import { PAYMENT_NAMES } from "./payment-names";

export type Sold = { order: Order; ticketsUrl: string; payment: CounterPayment };

const ACTION = "rounded-lg px-5 py-3 text-center font-semibold";

/** A sale made: its number to say out loud, its tickets to print, where they were e-mailed, and the way to the next sale. */
export function SaleResult({ sold, timeZone, onNext }: { sold: Sold; timeZone: string; onNext: () => void }) {
  const [order, setOrder] = useState(sold.order);
  const [email, setEmail] = useState("");
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<string>();

  async function emailTickets(event: React.FormEvent) {
    event.preventDefault();
    setSending(true);
    setProblem(undefined);
    try {
      setOrder((await staffApi<{ order: Order }>(`/api/staff/sales/${order.id}/email`, { method: "POST", body: { email } })).order);
    } catch (error) {
      setProblem(problemMessage(error));
    } finally {
      setSending(false);
    }
  }

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
      <p className="mt-1 text-sm text-muted" aria-live="polite" data-testid="sale-email">
        {order.email ? `The tickets are being e-mailed to ${order.email}.` : "No e-mail given: print the tickets, or e-mail them below."}
      </p>
      {!order.email && (
        <form onSubmit={emailTickets} className="mt-4 flex flex-wrap items-end gap-2">
          <label className="text-sm text-ink">
            Visitor&rsquo;s e-mail
            <input type="email" required value={email} onChange={(event) => setEmail(event.target.value)} className="mt-1 block w-72 rounded-lg border border-line bg-white px-3 py-2 text-ink" />
          </label>
          <button type="submit" disabled={sending} className={`${ACTION} border border-line bg-white text-ink hover:border-accent disabled:opacity-50`}>
            {sending ? "Sending…" : "E-mail tickets"}
          </button>
          <p role="status" className="w-full text-sm text-sold">{problem}</p>
        </form>
      )}
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
