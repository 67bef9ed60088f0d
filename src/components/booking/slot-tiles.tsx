"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useId } from "react";
import type { Slot } from "@/domain/catalog/list-slots";
import { formatTime } from "../format";

const PLACES_STYLE: Record<Slot["status"], string> = {
  open: "text-ok",
  few_left: "text-warn font-semibold",
  sold_out: "text-sold font-semibold",
  closed: "text-muted",
};

export const isBookable = (slot: Slot) => slot.status === "open" || slot.status === "few_left";

/** "80 places left", "Only 2 places left", "Sold out", "Closed" in the visitor's language. */
export function usePlacesText() {
  const t = useTranslations("booking");
  return (slot: Slot) =>
    slot.status === "open" ? t("placesLeft", { count: slot.available }) : slot.status === "few_left" ? t("fewLeft", { count: slot.available }) : slot.status === "sold_out" ? t("soldOut") : t("closed");
}

/** The day's times as radio tiles; a sold-out one links to its waiting list instead. */
export function SlotTiles({ slots, chosenId, onChoose, timeZone, waitlistHref }: { slots: Slot[]; chosenId: string | undefined; onChoose: (slotId: string) => void; timeZone: string; waitlistHref: (slotId: string) => string }) {
  const t = useTranslations("booking");
  const places = usePlacesText();
  const groupName = useId();
  return (
    <fieldset>
      <legend className="sr-only">{t("time")}</legend>
      {slots.length === 0 ? (
        <p className="text-muted">{t("noTimes")}</p>
      ) : (
        <ul className="grid grid-cols-2 gap-2" data-testid="slot-list">
          {slots.map((candidate) => {
            const bookable = isBookable(candidate);
            const start = formatTime(candidate.startsAt, timeZone);
            const end = formatTime(candidate.endsAt, timeZone);
            return (
              <li key={candidate.id} data-slot-id={candidate.id} data-status={candidate.status} className="flex flex-col">
                <label
                  className={`flex h-full flex-col gap-0.5 rounded-lg border px-3 py-2.5 has-[:focus-visible]:outline has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-gold ${
                    !bookable ? "border-line bg-paper" : candidate.id === chosenId ? "cursor-pointer border-accent bg-accent/5 ring-2 ring-accent" : "cursor-pointer border-line bg-white hover:border-accent"
                  }`}
                >
                  <input
                    type="radio"
                    name={groupName}
                    value={candidate.id}
                    checked={candidate.id === chosenId}
                    disabled={!bookable}
                    onChange={() => onChoose(candidate.id)}
                    className="sr-only"
                    aria-label={t("slotLabel", { start, end, places: places(candidate) })}
                  />
                  <span className="font-semibold tabular-nums text-ink" aria-hidden="true">
                    {start}–{end}
                  </span>
                  <span className={`text-xs ${PLACES_STYLE[candidate.status]}`} aria-hidden="true">
                    {places(candidate)}
                  </span>
                  {candidate.status === "sold_out" && (
                    <Link href={waitlistHref(candidate.id)} className="text-xs font-semibold text-accent underline underline-offset-2">
                      {t("joinWaitlist")}
                    </Link>
                  )}
                </label>
              </li>
            );
          })}
        </ul>
      )}
    </fieldset>
  );
}
