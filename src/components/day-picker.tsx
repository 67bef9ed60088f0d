import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { addDays, daysBetween, type VenueDate } from "@/domain/calendar/venue-time";
import type { DayState } from "@/domain/catalog/list-days";
import { dateTimeFormat } from "@/domain/intl-formats";
import { INTL_TAGS, type Locale } from "@/i18n/locales";
import { DayStrip } from "./day-strip";
import { formatDay } from "./format";

/** "Sat", "21", "Nov" in the visitor's language, for the tile's three lines. */
function dayParts(day: VenueDate, locale: Locale) {
  const parts = dateTimeFormat(locale === "en" ? "en-GB" : INTL_TAGS[locale], { timeZone: "UTC", weekday: "short", day: "numeric", month: "short" }).formatToParts(new Date(`${day}T12:00:00Z`));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((candidate) => candidate.type === type)?.value ?? "";
  return { weekday: part("weekday"), date: part("day"), month: part("month") };
}

/**
 * A link for every day of the booking window, sold-out days marked, and a date field; works without
 * JavaScript. The strip is one Tab stop (the chosen day); the arrow keys move along it.
 */
export async function DayPicker({ basePath, today, lastDay, selected, states, locale }: { basePath: string; today: VenueDate; lastDay: VenueDate; selected: VenueDate; states: Map<VenueDate, DayState>; locale: Locale }) {
  const t = await getTranslations("booking");
  const days = Array.from({ length: daysBetween(today, lastDay) + 1 }, (_, offset) => addDays(today, offset));
  const label = (day: VenueDate, offset: number, state: DayState) => {
    const named = offset === 0 ? t("todaySuffix", { day: formatDay(day, "long", locale) }) : formatDay(day, "long", locale);
    return state === "sold_out" ? t("daySoldOut", { day: named }) : state === "closed" ? t("dayClosed", { day: named }) : named;
  };
  return (
    <div>
      <h3 id="day-heading" className="text-sm font-semibold uppercase tracking-wide text-muted">
        {t("chooseDay")}
      </h3>
      <p id="day-hint" className="sr-only">
        {t("dayStripHint")}
      </p>
      <DayStrip labelledBy="day-heading" describedBy="day-hint" className="relative mt-3 flex gap-2 overflow-x-auto pb-2" testId="day-picker">
        {days.map((day, offset) => {
          const current = day === selected;
          const state = states.get(day) ?? "closed";
          const { weekday, date, month } = dayParts(day, locale);
          return (
            <li key={day} className="shrink-0">
              <Link
                href={`${basePath}?date=${day}#times`}
                aria-current={current ? "date" : undefined}
                aria-label={label(day, offset, state)}
                tabIndex={current ? 0 : -1}
                data-day={day}
                data-day-status={state}
                className={`flex w-16 flex-col items-center rounded-lg border px-2 py-2 text-center leading-tight ${
                  current ? "border-accent bg-accent text-white" : state === "open" ? "border-line bg-white text-ink hover:border-accent" : "border-line bg-paper text-muted hover:border-accent"
                }`}
              >
                <span className="text-xs font-medium">{offset === 0 ? t("today") : weekday}</span>
                <span className={`text-lg font-semibold ${state === "open" ? "" : "line-through"}`}>{date}</span>
                <span className="text-xs">{state === "sold_out" ? t("soldOut") : month}</span>
              </Link>
            </li>
          );
        })}
      </DayStrip>
      <form method="get" action={`${basePath}#times`} className="mt-3 flex flex-wrap items-end gap-2">
        <label className="flex flex-col text-sm font-medium text-ink">
          {t("anotherDay")}
          <input
            // A day picked in the strip is a client navigation: a new key shows it here too.
            key={selected}
            type="date"
            name="date"
            min={today}
            max={lastDay}
            defaultValue={selected}
            required
            className="mt-1 rounded-lg border border-line bg-white px-3 py-2 text-ink"
          />
        </label>
        <button type="submit" className="rounded-lg border border-accent px-4 py-2 text-sm font-semibold text-accent hover:bg-accent hover:text-white">
          {t("showTimes")}
        </button>
      </form>
    </div>
  );
}
