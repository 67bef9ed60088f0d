"use client";

import Link from "next/link";
import { useEffect, useId, useState } from "react";
import type { TicketType } from "@/domain/catalog/get-exhibition";
import type { Slot } from "@/domain/catalog/list-slots";
import { money } from "@/domain/money";
import { cartRequest, isCartRequestError } from "../cart/api";
import { useCart } from "../cart/cart-provider";
import { formatMoney, formatTime } from "../format";
import { QuantityStepper } from "./quantity-stepper";

const PLACES: Record<Slot["status"], (slot: Slot) => string> = {
  open: (slot) => `${slot.available} places left`,
  few_left: (slot) => `Only ${slot.available} ${slot.available === 1 ? "place" : "places"} left`,
  sold_out: () => "Sold out",
  closed: () => "Closed",
};

const PLACES_STYLE: Record<Slot["status"], string> = {
  open: "text-ok",
  few_left: "text-warn font-semibold",
  sold_out: "text-sold font-semibold",
  closed: "text-muted",
};

type Props = { exhibition: { slug: string; title: string }; ticketTypes: TicketType[]; slots: Slot[]; timeZone: string; maxPerOrder: number; currency: string };

/** The day's times, tickets per type and "Add to cart": the lines show in the cart at once and go again if the server refuses. */
export function BookingPanel({ exhibition, ticketTypes, slots: initialSlots, timeZone, maxPerOrder, currency }: Props) {
  const { cart, setCart, withPendingLines, pending, watchSlots, onAvailability } = useCart();
  const [slots, setSlots] = useState(initialSlots);
  const [slotId, setSlotId] = useState<string | undefined>();
  const [quantities, setQuantities] = useState<Record<string, number>>({});
  const [message, setMessage] = useState<{ kind: "error" | "success"; text: string } | undefined>();
  const groupName = useId();

  useEffect(() => {
    watchSlots(initialSlots.map((slot) => slot.id));
    return onAvailability((update) =>
      setSlots((current) => current.map((slot) => (slot.id === update.slotId ? { ...slot, available: update.available, status: update.status } : slot))),
    );
  }, [initialSlots, watchSlots, onAvailability]);

  const slot = slots.find((candidate) => candidate.id === slotId);
  const inCart = cart.items.filter((item) => item.slotId === slotId).reduce((sum, item) => sum + item.quantity, 0);
  const chosen = ticketTypes.filter((type) => (quantities[type.id] ?? 0) > 0);
  const count = chosen.reduce((sum, type) => sum + quantities[type.id]!, 0);
  const places = chosen.filter((type) => type.consumesCapacity).reduce((sum, type) => sum + quantities[type.id]!, 0);
  const total = chosen.reduce((sum, type) => sum + type.price.amount * quantities[type.id]!, 0);
  const room = Math.min(maxPerOrder - inCart - count, slot ? slot.available - places : 0);

  const add = () => {
    if (!slot) return;
    const time = formatTime(slot.startsAt, timeZone);
    setMessage(undefined);
    withPendingLines(
      chosen.map((type) => ({
        id: `pending-${type.id}`,
        slotId: slot.id,
        startsAt: slot.startsAt,
        exhibition,
        ticketType: { id: type.id, name: type.name },
        quantity: quantities[type.id]!,
        unitPrice: type.price,
        lineTotal: money(type.price.amount * quantities[type.id]!, currency),
        status: "held",
        holdExpiresAt: new Date(Date.now() + 60_000).toISOString(),
      })),
      async () => {
        try {
          for (const type of chosen) {
            setCart(await cartRequest("POST", "/api/cart/items", { slotId: slot.id, ticketTypeId: type.id, quantity: quantities[type.id] }));
          }
          setQuantities({});
          setMessage({ kind: "success", text: `Added ${count} ${count === 1 ? "ticket" : "tickets"} for ${time} to your cart.` });
        } catch (error) {
          setMessage({ kind: "error", text: isCartRequestError(error) ? error.message : "Something went wrong; please try again." });
        }
      },
    );
  };

  return (
    <div className="mt-4 space-y-5">
      <fieldset>
        <legend className="sr-only">Time</legend>
        {slots.length === 0 ? (
          <p className="text-muted">There are no times on this day.</p>
        ) : (
          <ul className="grid grid-cols-2 gap-2" data-testid="slot-list">
            {slots.map((candidate) => {
              const bookable = candidate.status === "open" || candidate.status === "few_left";
              const start = formatTime(candidate.startsAt, timeZone);
              const end = formatTime(candidate.endsAt, timeZone);
              return (
                <li key={candidate.id} data-slot-id={candidate.id} data-status={candidate.status}>
                  <label
                    className={`flex h-full flex-col gap-0.5 rounded-lg border px-3 py-2.5 has-[:focus-visible]:outline has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-gold ${
                      !bookable ? "border-line bg-paper" : candidate.id === slotId ? "cursor-pointer border-accent bg-accent/5 ring-2 ring-accent" : "cursor-pointer border-line bg-white hover:border-accent"
                    }`}
                  >
                    <input
                      type="radio"
                      name={groupName}
                      value={candidate.id}
                      checked={candidate.id === slotId}
                      disabled={!bookable}
                      onChange={() => setSlotId(candidate.id)}
                      className="sr-only"
                      aria-label={`${start} to ${end}, ${PLACES[candidate.status](candidate)}`}
                    />
                    <span className="font-semibold tabular-nums text-ink" aria-hidden="true">
                      {start}–{end}
                    </span>
                    <span className={`text-xs ${PLACES_STYLE[candidate.status]}`} aria-hidden="true">
                      {PLACES[candidate.status](candidate)}
                    </span>
                  </label>
                </li>
              );
            })}
          </ul>
        )}
      </fieldset>

      {slot && (
        <div className="space-y-3" data-testid="ticket-picker">
          <h4 className="font-semibold text-ink">Tickets for {formatTime(slot.startsAt, timeZone)}</h4>
          <ul className="space-y-2">
            {ticketTypes.map((type) => {
              const quantity = quantities[type.id] ?? 0;
              const canRaise = type.consumesCapacity ? room > 0 : maxPerOrder - inCart - count > 0;
              return (
                <li key={type.id} className="flex items-center justify-between gap-3">
                  <span className="text-sm text-ink">
                    {type.name} <span className="text-muted">· {type.price.amount === 0 ? "Free" : formatMoney(type.price)}</span>
                  </span>
                  <QuantityStepper
                    label={type.name}
                    value={quantity}
                    canLower={quantity > 0}
                    canRaise={canRaise}
                    onChange={(next) => setQuantities((current) => ({ ...current, [type.id]: next }))}
                  />
                </li>
              );
            })}
          </ul>
          <p className="flex justify-between border-t border-line pt-3 font-semibold text-ink">
            <span>Total</span>
            <span data-testid="running-total">{formatMoney(money(total, currency))}</span>
          </p>
          <button
            type="button"
            onClick={add}
            disabled={count === 0 || pending}
            className="w-full rounded-lg bg-accent px-5 py-3 font-semibold text-white shadow-sm hover:bg-accent-dark disabled:cursor-not-allowed disabled:opacity-50"
          >
            {pending ? "Adding…" : "Add to cart"}
          </button>
        </div>
      )}

      <div aria-live="polite" className="min-h-6 text-sm">
        {message?.kind === "success" && (
          <p className="text-ok">
            {message.text}{" "}
            <Link href="/cart" className="font-semibold underline">
              Go to cart
            </Link>
          </p>
        )}
      </div>
      {message?.kind === "error" && (
        <p role="alert" className="rounded-lg border border-sold/30 bg-sold/5 px-3 py-2 text-sm text-sold">
          {message.text}
        </p>
      )}
    </div>
  );
}
