"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { formatMoney, formatTime } from "@/components/format";
import type { CounterExhibition, CounterSlot } from "@/domain/box-office/counter-day";
import { MAX_COUNTER_SALE_TICKETS, type CounterPayment } from "@/domain/box-office/sale-input";
import type { Order } from "@/domain/checkout/order-view";
import { money } from "@/domain/money";
import { problemMessage, staffApi, type StaffApiProblem } from "../staff-api";
import { CountStepper } from "./count-stepper";
import { PAYMENT_NAMES } from "./payment-names";
import { SaleResult, type Sold } from "./sale-result";

const CHOICE = "rounded-lg border px-4 py-3 text-left font-semibold disabled:cursor-not-allowed disabled:opacity-50";
const chosen = (on: boolean) => (on ? "border-accent bg-accent text-white" : "border-line bg-white text-ink hover:border-accent");
const PAY = "rounded-lg px-4 py-4 text-lg font-semibold shadow-sm disabled:cursor-not-allowed disabled:opacity-50";
const FIELD = "mt-1 w-full rounded-lg border border-line bg-white px-3 py-2 text-ink";

/** The next slot with room that has not started; else one still running with room; else the first. */
function preselect(slots: CounterSlot[], now: string): CounterSlot | undefined {
  return slots.find((slot) => slot.placesLeft > 0 && slot.startsAt > now) ?? slots.find((slot) => slot.placesLeft > 0) ?? slots[0];
}

const SOLD_BEFORE = "An earlier try of this sale went through (see the till): nothing more was sold. Reload the page to start a new sale.";

/**
 * Selling at the counter in a few taps: the exhibition, the time (the next with room chosen), the
 * tickets, then the payment button, which sells at once (an invoice first asks whom to send it to).
 * Each sale keeps one Idempotency-Key until it is made, so a retry after a lost answer never sells twice.
 */
export function BoxOffice({ exhibitions, timeZone, currency, now }: { exhibitions: CounterExhibition[]; timeZone: string; currency: string; now: string }) {
  const router = useRouter();
  const first = exhibitions.find((exhibition) => exhibition.slots.some((slot) => slot.placesLeft > 0)) ?? exhibitions[0];
  const [exhibitionId, setExhibitionId] = useState(first?.id);
  const exhibition = exhibitions.find((candidate) => candidate.id === exhibitionId) ?? first;
  const [slotId, setSlotId] = useState(first && preselect(first.slots, now)?.id);
  const slot = exhibition?.slots.find((candidate) => candidate.id === slotId);
  const [quantities, setQuantities] = useState<Record<string, number>>({});
  const [invoicing, setInvoicing] = useState(false);
  const [contact, setContact] = useState({ name: "", email: "" });
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<{ text: string; fields: Record<string, string> }>();
  const [sold, setSold] = useState<Sold>();
  // One key per sale until it is made: a refused request stores nothing under it, so the sale can be changed and tried again.
  const [saleKey, setSaleKey] = useState(() => crypto.randomUUID());

  const types = exhibition?.ticketTypes ?? [];
  const items = types.filter((type) => (quantities[type.id] ?? 0) > 0).map((type) => ({ slotId: slot?.id ?? "", ticketTypeId: type.id, quantity: quantities[type.id]! }));
  const tickets = items.reduce((sum, item) => sum + item.quantity, 0);
  const places = types.filter((type) => type.consumesCapacity).reduce((sum, type) => sum + (quantities[type.id] ?? 0), 0);
  const total = types.reduce((sum, type) => sum + type.price.amount * (quantities[type.id] ?? 0), 0);
  const room = (slot?.placesLeft ?? 0) - places;
  const sale = (payment: CounterPayment) => ({ items, payment, ...(contact.name.trim() && { name: contact.name.trim() }), ...(contact.email.trim() && { email: contact.email.trim() }) });

  function pickExhibition(next: CounterExhibition) {
    setExhibitionId(next.id);
    setSlotId(preselect(next.slots, now)?.id);
    setQuantities({});
  }

  async function sell(payment: CounterPayment) {
    setBusy(true);
    setProblem(undefined);
    try {
      const answer = await staffApi<{ order: Order; ticketsUrl: string }>("/api/staff/sales", { method: "POST", body: sale(payment), idempotencyKey: saleKey });
      setSold({ ...answer, payment });
      router.refresh();
    } catch (error) {
      // The key is the sale's, whatever the button: a try whose answer was lost and that went through is never sold again another way.
      const soldBefore = (error as StaffApiProblem).code === "idempotency_conflict";
      setProblem({ text: soldBefore ? SOLD_BEFORE : problemMessage(error), fields: ((error as StaffApiProblem).details?.fields as Record<string, string> | undefined) ?? {} });
      router.refresh();
    } finally {
      setBusy(false);
    }
  }

  function nextSale() {
    setSold(undefined);
    setQuantities({});
    setInvoicing(false);
    setContact({ name: "", email: "" });
    setProblem(undefined);
    setSaleKey(crypto.randomUUID());
    if (exhibition) setSlotId((current) => (exhibition.slots.find((candidate) => candidate.id === current)?.placesLeft ? current : preselect(exhibition.slots, now)?.id));
  }

  if (sold) return <SaleResult sold={sold} timeZone={timeZone} onNext={nextSale} />;
  if (!exhibition) return <p className="mt-6 rounded-xl border border-line bg-white p-4 text-muted">Nothing left to sell today: every slot is over, cancelled or unpublished.</p>;

  return (
    <div className="mt-6 grid gap-6 lg:grid-cols-[3fr_2fr]">
      <div className="space-y-6">
        <fieldset>
          <legend className="font-semibold text-ink">Exhibition</legend>
          <div className="mt-2 flex flex-wrap gap-2">
            {exhibitions.map((candidate) => (
              <button key={candidate.id} type="button" aria-pressed={candidate.id === exhibition.id} className={`${CHOICE} ${chosen(candidate.id === exhibition.id)}`} onClick={() => pickExhibition(candidate)}>
                {candidate.title}
              </button>
            ))}
          </div>
        </fieldset>

        <fieldset>
          <legend className="font-semibold text-ink">Time</legend>
          <div className="mt-2 grid grid-cols-3 gap-2 sm:grid-cols-4 md:grid-cols-5" data-testid="counter-slots">
            {exhibition.slots.map((candidate) => (
              <button
                key={candidate.id}
                type="button"
                aria-pressed={candidate.id === slot?.id}
                disabled={candidate.placesLeft === 0}
                className={`${CHOICE} ${chosen(candidate.id === slot?.id)}`}
                onClick={() => setSlotId(candidate.id)}
              >
                <span className="block tabular-nums">{formatTime(candidate.startsAt, timeZone)}</span>
                <span className="block text-xs font-normal">
                  {candidate.placesLeft === 0 ? "Full" : `${candidate.placesLeft} left`}
                  {candidate.closedOnline && " · closed online"}
                </span>
              </button>
            ))}
          </div>
        </fieldset>

        {slot && (
          <fieldset>
            <legend className="font-semibold text-ink">Tickets for {formatTime(slot.startsAt, timeZone)}</legend>
            <ul className="mt-2 divide-y divide-line/60 rounded-xl border border-line bg-white">
              {types.map((type) => {
                const quantity = quantities[type.id] ?? 0;
                const limit = Math.min(MAX_COUNTER_SALE_TICKETS - tickets + quantity, type.consumesCapacity ? room + quantity : Infinity);
                return (
                  <li key={type.id} className="flex items-center justify-between gap-3 px-4 py-3">
                    <span className="text-ink">
                      {type.name} <span className="text-muted">· {type.price.amount === 0 ? "Free" : formatMoney(type.price)}</span>
                    </span>
                    <CountStepper label={type.name} value={quantity} max={limit} onChange={(next) => setQuantities((current) => ({ ...current, [type.id]: next }))} />
                  </li>
                );
              })}
            </ul>
          </fieldset>
        )}
      </div>

      <div className="space-y-4 rounded-xl border border-line bg-white p-4 lg:self-start">
        <p className="flex items-baseline justify-between font-semibold text-ink">
          <span>
            Total <span className="text-sm font-normal text-muted">({tickets} {tickets === 1 ? "ticket" : "tickets"})</span>
          </span>
          <span className="text-2xl tabular-nums" data-testid="counter-total">{formatMoney(money(total, currency))}</span>
        </p>
        <div className="space-y-3">
          <label className="block text-sm text-ink">
            Name {invoicing ? <span className="text-sold">(required for an invoice)</span> : <span className="text-muted">(optional)</span>}
            <input className={FIELD} value={contact.name} autoComplete="off" onChange={(event) => setContact({ ...contact, name: event.target.value })} aria-invalid={Boolean(problem?.fields.name)} />
          </label>
          <label className="block text-sm text-ink">
            E-mail for the tickets {invoicing ? <span className="text-sold">(required for an invoice)</span> : <span className="text-muted">(optional)</span>}
            <input className={FIELD} type="email" value={contact.email} autoComplete="off" onChange={(event) => setContact({ ...contact, email: event.target.value })} aria-invalid={Boolean(problem?.fields.email)} />
          </label>
        </div>
        {invoicing ? (
          <div className="grid grid-cols-2 gap-2">
            <button type="button" className={`${PAY} bg-accent text-white hover:bg-accent-dark`} disabled={busy || tickets === 0 || !contact.name.trim() || !contact.email.trim()} onClick={() => sell("invoice")}>
              {busy ? "Selling…" : "Sell on invoice"}
            </button>
            <button type="button" className={`${PAY} border border-line bg-white text-ink`} disabled={busy} onClick={() => setInvoicing(false)}>
              Back
            </button>
          </div>
        ) : (
          <div className="grid grid-cols-3 gap-2" role="group" aria-label="Payment">
            {(["cash", "card_terminal"] as const).map((payment) => (
              <button key={payment} type="button" className={`${PAY} bg-accent text-white hover:bg-accent-dark`} disabled={busy || tickets === 0} onClick={() => sell(payment)}>
                {PAYMENT_NAMES[payment]}
              </button>
            ))}
            <button type="button" className={`${PAY} border border-line bg-white text-ink hover:border-accent`} disabled={busy || tickets === 0} onClick={() => setInvoicing(true)}>
              {PAYMENT_NAMES.invoice}…
            </button>
          </div>
        )}
        <p role="status" aria-live="polite" className="min-h-6 text-sm text-sold" data-testid="counter-problem">
          {problem?.text}
        </p>
      </div>
    </div>
  );
}
