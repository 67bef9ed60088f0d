import { clockTime, venueDateOf } from "@/domain/calendar/venue-time";
import { dateTimeFormat, numberFormat } from "@/domain/intl-formats";
import { minorDigits, type Money } from "@/domain/money";
import { DEFAULT_LOCALE, INTL_TAGS, type Locale } from "@/i18n/locales";

/** "₹250", "₹99.50", "¥1,200", "KWD 1.250": whole amounts without decimals, others with the currency's own digits. */
export function formatMoney(money: Money, locale: Locale = DEFAULT_LOCALE): string {
  const digits = minorDigits(money.currency);
  const major = money.amount / 10 ** digits;
  return numberFormat(INTL_TAGS[locale], { style: "currency", currency: money.currency, minimumFractionDigits: Number.isInteger(major) ? 0 : digits, maximumFractionDigits: Number.isInteger(major) ? 0 : digits }).format(major);
}

export function formatTime(iso: string, timeZone: string): string {
  return clockTime(new Date(iso), timeZone);
}

/** A venue day (YYYY-MM-DD) as "Sat 21 Nov" (in English); noon UTC keeps the weekday right in every zone. */
export function formatDay(date: string, style: "short" | "long" = "short", locale: Locale = DEFAULT_LOCALE): string {
  return dateTimeFormat(locale === "en" ? "en-GB" : INTL_TAGS[locale], {
    timeZone: "UTC",
    weekday: style,
    day: "numeric",
    month: style === "short" ? "short" : "long",
    ...(style === "long" && { year: "numeric" }),
  }).format(new Date(`${date}T12:00:00Z`));
}

/** The zone's everyday abbreviation, e.g. "IST" for Asia/Kolkata. */
export function formatZoneName(timeZone: string): string {
  const parts = dateTimeFormat("en-IN", { timeZone, timeZoneName: "short" }).formatToParts(new Date());
  return parts.find((part) => part.type === "timeZoneName")?.value ?? timeZone;
}

/** An instant as the venue's day and time: "Sunday, 22 November 2026, 11:00". */
export const formatWhen = (iso: string, timeZone: string, locale: Locale = DEFAULT_LOCALE) => `${formatDay(venueDateOf(new Date(iso), timeZone), "long", locale)}, ${formatTime(iso, timeZone)}`;
