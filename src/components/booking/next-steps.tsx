"use client";

import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import type { VenueDate } from "@/domain/calendar/venue-time";
import type { Slot } from "@/domain/catalog/list-slots";
import type { Locale } from "@/i18n/locales";
import { formatDay, formatTime } from "../format";
import { usePlacesText } from "./slot-tiles";

type Props = {
  message: string;
  /** A refusal after the tap takes focus, so it is heard and its choices are next; a live change only announces itself. */
  takeFocus: boolean;
  nearby: Slot[];
  laterDays: VenueDate[];
  basePath: string;
  waitlistHref: string;
  timeZone: string;
  onChoose: (slotId: string) => void;
};

/** What to do when the chosen time has no room: the nearest times with room, later days, the waiting list. */
export function NextSteps({ message, takeFocus, nearby, laterDays, basePath, waitlistHref, timeZone, onChoose }: Props) {
  const t = useTranslations("booking");
  const locale = useLocale() as Locale;
  const places = usePlacesText();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (takeFocus) box.current?.focus();
  }, [takeFocus, message]);

  return (
    <div ref={box} role="alert" tabIndex={-1} data-testid="next-steps" className="space-y-3 rounded-lg border border-sold/30 bg-sold/5 px-3 py-3 text-sm text-ink outline-none focus-visible:outline-3 focus-visible:outline-gold">
      <p className="font-semibold text-sold">{message}</p>
      {nearby.length > 0 ? (
        <div>
          <p>{t("nearbyTimes")}</p>
          <ul className="mt-2 flex flex-wrap gap-2">
            {nearby.map((slot) => (
              <li key={slot.id}>
                <button type="button" onClick={() => onChoose(slot.id)} className="rounded-lg border border-accent bg-white px-3 py-1.5 text-left font-semibold text-accent hover:bg-accent hover:text-white">
                  <span className="tabular-nums">{formatTime(slot.startsAt, timeZone)}</span> <span className="text-xs font-normal">· {places(slot)}</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p>{t("noRoomToday")}</p>
      )}
      {laterDays.length > 0 && (
        <div>
          <p>{t("otherDays")}</p>
          <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1">
            {laterDays.map((day) => (
              <li key={day}>
                <Link href={`${basePath}?date=${day}#times`} className="font-semibold text-accent underline underline-offset-2">
                  {formatDay(day, "short", locale)}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      )}
      <Link href={waitlistHref} className="inline-block font-semibold text-accent underline underline-offset-2">
        {t("joinWaitlist")}
      </Link>
    </div>
  );
}
