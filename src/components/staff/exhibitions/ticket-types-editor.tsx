"use client";

import { useId, useState } from "react";
import type { StaffExhibition, StaffTicketType } from "@/domain/catalog-admin/staff-exhibition-view";
import { formatMoney } from "../../format";
import { staffApi } from "../staff-api";
import { majorText, minorOf } from "./money-text";
import { ActionMessage, useStaffAction } from "./use-staff-action";

const input = "rounded-lg border border-line bg-white px-2 py-1 text-ink";

/** One ticket type, renamed, re-priced, taken off or put back on sale in place. A new price is for holds taken from now on. */
function TicketTypeRow({ type, currency, run, busy }: { type: StaffTicketType; currency: string; run: ReturnType<typeof useStaffAction>["run"]; busy: boolean }) {
  const [name, setName] = useState(type.name);
  const [price, setPrice] = useState(majorText(type.price));
  const amount = minorOf(price, currency);
  const changes = { ...(name.trim() !== type.name && { name }), ...(amount !== undefined && amount !== type.price.amount && { price: { amount, currency } }) };
  const patch = (body: object, done: string) => run(() => staffApi(`/api/staff/ticket-types/${type.id}`, { method: "PATCH", body }), done);
  return (
    <tr className="border-b border-line/60" data-testid="ticket-type-row">
      <td className="py-2 pr-3 font-mono text-xs">{type.code}</td>
      <td className="py-2 pr-3">
        <input aria-label={`Name of ${type.code}`} value={name} onChange={(event) => setName(event.target.value)} className={`${input} w-40`} />
      </td>
      <td className="py-2 pr-3">
        <input aria-label={`Price of ${type.code} in ${currency}`} inputMode="decimal" value={price} onChange={(event) => setPrice(event.target.value)} aria-invalid={amount === undefined ? true : undefined} className={`${input} w-28 text-right`} />
      </td>
      <td className="py-2 pr-3">{type.consumesCapacity ? "Yes" : "No"}</td>
      <td className={`py-2 pr-3 font-semibold ${type.active ? "text-ok" : "text-muted"}`}>{type.active ? "On sale" : "Off sale"}</td>
      <td className="py-2 text-right whitespace-nowrap">
        <button type="button" disabled={busy || Object.keys(changes).length === 0 || amount === undefined} onClick={() => patch(changes, `Saved ${name}.`)} className="mr-2 rounded-lg border border-line bg-white px-3 py-1 font-semibold text-ink hover:border-accent disabled:opacity-50">
          Save<span className="sr-only"> {type.code}</span>
        </button>
        <button type="button" disabled={busy} onClick={() => patch({ active: !type.active }, type.active ? `${type.name} is off sale.` : `${type.name} is on sale again.`)} className="rounded-lg border border-line bg-white px-3 py-1 font-semibold text-ink hover:border-accent disabled:opacity-50">
          {type.active ? "Take off sale" : "Put on sale"}<span className="sr-only"> {type.code}</span>
        </button>
      </td>
    </tr>
  );
}

/** The exhibition's ticket types, and a form to add one. */
export function TicketTypesEditor({ exhibition, currency }: { exhibition: StaffExhibition; currency: string }) {
  const id = useId();
  const { busy, message, fields, run } = useStaffAction();

  const add = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = Object.fromEntries(new FormData(form)) as Record<string, string>;
    const amount = minorOf(data.price ?? "", currency);
    const body = { code: data.code, name: data.name, description: data.description || undefined, price: { amount: amount ?? -1, currency }, consumesCapacity: data.consumesCapacity === "on" };
    const made = await run(() => staffApi<{ ticketType: StaffTicketType }>(`/api/staff/exhibitions/${exhibition.slug}/ticket-types`, { method: "POST", body }), ({ ticketType }) => `Added ${ticketType.name} at ${formatMoney(ticketType.price)}.`);
    if (made) form.reset();
  };

  return (
    <section aria-labelledby={`${id}-heading`} className="rounded-xl border border-line bg-white p-5">
      <h2 id={`${id}-heading`} className="font-serif text-2xl font-semibold text-ink">Ticket types and prices</h2>
      <p className="mt-1 text-sm text-muted">A new price applies to tickets held from now on: tickets already in carts, orders and tickets keep theirs.</p>
      <ActionMessage message={message} />
      {exhibition.ticketTypes.length > 0 && (
        <table className="mt-2 w-full border-collapse text-sm">
          <caption className="sr-only">Ticket types of {exhibition.title}</caption>
          <thead>
            <tr className="border-b border-line text-left">
              <th scope="col" className="py-2 pr-3">Code</th>
              <th scope="col" className="py-2 pr-3">Name</th>
              <th scope="col" className="py-2 pr-3">Price ({currency})</th>
              <th scope="col" className="py-2 pr-3">Uses a place</th>
              <th scope="col" className="py-2 pr-3">Sale</th>
              <th scope="col" className="py-2"><span className="sr-only">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            {exhibition.ticketTypes.map((type) => (
              <TicketTypeRow key={`${type.id} ${type.name} ${type.price.amount}`} type={type} currency={currency} run={run} busy={busy} />
            ))}
          </tbody>
        </table>
      )}
      <form onSubmit={add} noValidate className="mt-5 grid gap-3 border-t border-line pt-4 sm:grid-cols-2 lg:grid-cols-4" aria-label="Add a ticket type">
        {[
          { name: "code", label: "Code", hint: "adult, child, over-60…" },
          { name: "name", label: "Name", hint: "As visitors see it." },
          { name: "price", label: `Price (${currency})`, hint: "250 or 99.50" },
          { name: "description", label: "Description", hint: "Optional: who it is for." },
        ].map((field) => (
          <div key={field.name}>
            <label htmlFor={`${id}-${field.name}`} className="block text-sm font-semibold text-ink">{field.label}</label>
            <input
              id={`${id}-${field.name}`}
              name={field.name}
              inputMode={field.name === "price" ? "decimal" : undefined}
              aria-describedby={`${id}-${field.name}-hint${fields[field.name] ? ` ${id}-${field.name}-error` : ""}`}
              aria-invalid={fields[field.name] ? true : undefined}
              className={`${input} mt-1 block w-full py-2`}
            />
            <p id={`${id}-${field.name}-hint`} className="mt-1 text-xs text-muted">{field.hint}</p>
            {fields[field.name] && <p id={`${id}-${field.name}-error`} className="mt-1 text-sm text-sold">{field.label} {fields[field.name]}.</p>}
          </div>
        ))}
        <div className="flex items-center gap-2 sm:col-span-2">
          <input id={`${id}-capacity`} name="consumesCapacity" type="checkbox" defaultChecked className="h-5 w-5 accent-accent" />
          <label htmlFor={`${id}-capacity`} className="text-sm text-ink">Uses a place (untick for infants in arms)</label>
        </div>
        <div className="sm:col-span-2 sm:text-right lg:col-span-2">
          <button type="submit" disabled={busy} className="rounded-lg bg-accent px-4 py-2 font-semibold text-white hover:bg-accent-dark disabled:opacity-50">Add ticket type</button>
        </div>
      </form>
    </section>
  );
}
