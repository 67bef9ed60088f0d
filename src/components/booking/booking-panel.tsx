"use client";

import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState } from "react";
import type { VenueDate } from "@/domain/calendar/venue-time";
import type { TicketType } from "@/domain/catalog/get-exhibition";
import type { Slot } from "@/domain/catalog/list-slots";
import { money } from "@/domain/money";
import type { Locale } from "@/i18n/locales";
import { cartRequest, isCartRequestError } from "../cart/api";
import { useCart } from "../cart/cart-provider";
import { formatMoney, formatTime } from "../format";
import { nearestWithRoom } from "./nearest-slots";
import { NextSteps } from "./next-steps";
import { isBookable, SlotTiles } from "./slot-tiles";
import { QuantityStepper } from "./quantity-stepper";

type Props = {
  exhibition: { slug: string; title: string };
  ticketTypes: TicketType[];
  slots: Slot[];
  /** The next days with a time left, offered when the chosen time has no room. */
  laterDays: VenueDate[];
  basePath: string;
  timeZone: string;
  maxPerOrder: number;
  currency: string;
};

/** A refusal that a fresh choice of time or tickets would answer: it keeps the next steps next to the button. */
const ROOM_REFUSALS = new Set(["insufficient_capacity", "sold_out"]);

type Message = { kind: "added"; count: number; time: string } | { kind: "error"; text: string } | { kind: "no_room"; text: string; slotId: string };

/** The day's times, tickets per type and "Add to cart": the lines show in the cart at once and go again if the server refuses. */
export function BookingPanel({ exhibition, ticketTypes, slots: initialSlots, laterDays, basePath, timeZone, maxPerOrder, currency }: Props) {
  const t = useTranslations("booking");
  const locale = useLocale() as Locale;
  const { cart, setCart, withPendingLines, pending, watchSlots, onAvailability } = useCart();
  const [slots, setSlots] = useState(initialSlots);
  const [slotId, setSlotId] = useState<string | undefined>();
  const [quantities, setQuantities] = useState<Record<string, number>>({});
  const [message, setMessage] = useState<Message | undefined>();
  const confirmation = useRef<HTMLDivElement>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const limitId = useId();

  useEffect(() => {
    watchSlots(initialSlots.map((slot) => slot.id));
    return onAvailability((update) =>
      setSlots((current) => current.map((slot) => (slot.id === update.slotId ? { ...slot, available: update.available, status: update.status } : slot))),
    );
  }, [initialSlots, watchSlots, onAvailability]);

  // After an add, focus stays with what was added (and its "Go to cart"), not at the top of the page.
  useEffect(() => {
    if (message?.kind === "added") confirmation.current?.focus();
  }, [message]);

  const waitlistHref = (id: string) => `${basePath}/waitlist/${id}`;
  const slot = slots.find((candidate) => candidate.id === slotId);
  const heldHere = cart.items.filter((item) => item.slotId === slotId && item.status === "held");
  const inCart = cart.items.filter((item) => item.slotId === slotId).reduce((sum, item) => sum + item.quantity, 0);
  const chosen = ticketTypes.filter((type) => (quantities[type.id] ?? 0) > 0);
  const count = chosen.reduce((sum, type) => sum + quantities[type.id]!, 0);
  const places = chosen.filter((type) => type.consumesCapacity).reduce((sum, type) => sum + quantities[type.id]!, 0);
  const total = chosen.reduce((sum, type) => sum + type.price.amount * quantities[type.id]!, 0);
  // MAX_TICKETS_PER_ORDER counts every ticket, a free one that takes no place too (as the server does): each is a person at the door.
  const atLimit = maxPerOrder - inCart - count <= 0;
  const room = Math.min(maxPerOrder - inCart - count, slot ? slot.available - places : 0);
  const cartCount = cart.items.reduce((sum, item) => sum + item.quantity, 0);

  // Children's tickets go with a ticket that needs no companion, chosen now or already held for this time.
  const companionIds = new Set(ticketTypes.filter((type) => !type.requiresCompanion).map((type) => type.id));
  const unaccompanied = chosen.filter((type) => type.requiresCompanion);
  const accompanied = chosen.some((type) => !type.requiresCompanion) || heldHere.some((item) => companionIds.has(item.ticketType.id));
  const needsCompanion = unaccompanied.length > 0 && !accompanied;

  const time = slot ? formatTime(slot.startsAt, timeZone) : "";
  // The chosen time lost its room while the visitor was choosing: say so now, not after the tap.
  const liveNoRoom = slot && !isBookable(slot) ? t("soldOutNow", { time }) : slot && places > slot.available ? t("fewerNow", { count: slot.available, time }) : undefined;
  const refusal = message?.kind === "no_room" && message.slotId === slotId ? message.text : undefined;
  const noRoom = refusal ?? liveNoRoom;

  const choose = (id: string) => {
    setSlotId(id);
    setMessage(undefined);
  };
  const chooseNearby = (id: string) => {
    choose(id);
    // The button that was pressed goes away: the next thing to do is "Add to cart".
    requestAnimationFrame(() => addButton.current?.focus());
  };

  const add = () => {
    if (!slot) return;
    const lines = chosen.map((type) => ({ type, quantity: quantities[type.id]! }));
    setMessage(undefined);
    withPendingLines(
      lines.map(({ type, quantity }) => ({
        id: `pending-${type.id}`,
        slotId: slot.id,
        startsAt: slot.startsAt,
        exhibition,
        ticketType: { id: type.id, name: type.name },
        quantity,
        unitPrice: type.price,
        lineTotal: money(type.price.amount * quantity, currency),
        status: "held",
        holdExpiresAt: new Date(Date.now() + 60_000).toISOString(),
      })),
      async () => {
        try {
          for (const { type, quantity } of lines) {
            setCart(await cartRequest("POST", "/api/cart/items", { slotId: slot.id, ticketTypeId: type.id, quantity }));
          }
          setQuantities({});
          setMessage({ kind: "added", count, time });
        } catch (error) {
          if (isCartRequestError(error) && ROOM_REFUSALS.has(error.code)) setMessage({ kind: "no_room", text: error.message, slotId: slot.id });
          else setMessage({ kind: "error", text: isCartRequestError(error) ? error.message : t("failed") });
        }
      },
    );
  };

  return (
    <div className="mt-4 space-y-5">
      <SlotTiles slots={slots} chosenId={slotId} onChoose={choose} timeZone={timeZone} waitlistHref={waitlistHref} />

      {slot && (
        <div className="space-y-3" data-testid="ticket-picker">
          <h4 className="font-semibold text-ink">{t("ticketsFor", { time })}</h4>
          <ul className="space-y-2">
            {ticketTypes.map((type) => {
              const quantity = quantities[type.id] ?? 0;
              const canRaise = type.consumesCapacity ? room > 0 : !atLimit;
              return (
                <li key={type.id} className="flex items-center justify-between gap-3">
                  <span className="text-sm text-ink">
                    {type.name} <span className="text-muted">· {type.price.amount === 0 ? t("free") : formatMoney(type.price, locale)}</span>
                  </span>
                  <QuantityStepper
                    label={type.name}
                    value={quantity}
                    canLower={quantity > 0}
                    canRaise={canRaise}
                    describedBy={atLimit ? limitId : undefined}
                    onChange={(next) => setQuantities((current) => ({ ...current, [type.id]: next }))}
                  />
                </li>
              );
            })}
          </ul>
          {atLimit && (
            <p id={limitId} className="text-sm text-warn">
              {t("limit", { max: maxPerOrder })}
            </p>
          )}
          {needsCompanion && (
            <p className="text-sm text-warn">{t("needsCompanion", { types: new Intl.ListFormat(locale, { type: "conjunction" }).format(unaccompanied.map((type) => type.name)) })}</p>
          )}
          {noRoom && (
            <NextSteps
              message={noRoom}
              takeFocus={refusal !== undefined}
              nearby={nearestWithRoom(slots, slot, places)}
              laterDays={laterDays}
              basePath={basePath}
              waitlistHref={waitlistHref(slot.id)}
              timeZone={timeZone}
              onChoose={chooseNearby}
            />
          )}
        </div>
      )}

      {(slot || message) && (
        // On a phone the total, "Add" and what was added stay at the bottom of the screen while the times are in view.
        <div className="sticky bottom-0 z-10 -mx-5 space-y-3 border-t border-line bg-white px-5 py-3">
          {slot && isBookable(slot) && (
            <p className="flex justify-between font-semibold text-ink">
              <span>{t("total")}</span>
              <span data-testid="running-total">{formatMoney(money(total, currency), locale)}</span>
            </p>
          )}
          {slot && (
            <button
              ref={addButton}
              type="button"
              onClick={add}
              disabled={count === 0 || pending || needsCompanion || noRoom !== undefined}
              className="w-full rounded-lg bg-accent px-5 py-3 font-semibold text-white shadow-sm hover:bg-accent-dark disabled:cursor-not-allowed disabled:opacity-50"
            >
              {pending ? t("adding") : t("addToCart")}
            </button>
          )}
          <div aria-live="polite" className="text-sm">
            {message?.kind === "added" && (
              <div ref={confirmation} tabIndex={-1} data-testid="booking-confirmation" className="rounded-lg bg-ok/10 px-3 py-2 text-ok outline-none focus-visible:outline-3 focus-visible:outline-gold">
                <p className="font-semibold">{t("added", { count: message.count, time: message.time })}</p>
                <p className="text-ink">
                  {t("cartNow", { count: cartCount })}{" "}
                  <Link href="/cart" className="font-semibold text-accent underline">
                    {t("goToCart")}
                  </Link>
                </p>
              </div>
            )}
          </div>
          {message?.kind === "error" && (
            <p role="alert" className="rounded-lg border border-sold/30 bg-sold/5 px-3 py-2 text-sm text-sold">
              {message.text}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
