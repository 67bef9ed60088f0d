import enCommon from "../../messages/en/common.json";
import hiCommon from "../../messages/hi/common.json";
import knCommon from "../../messages/kn/common.json";
import enBooking from "../../messages/en/booking.json";
import hiBooking from "../../messages/hi/booking.json";
import knBooking from "../../messages/kn/booking.json";
import enBookings from "../../messages/en/bookings.json";
import hiBookings from "../../messages/hi/bookings.json";
import knBookings from "../../messages/kn/bookings.json";
import enExhibition from "../../messages/en/exhibition.json";
import hiExhibition from "../../messages/hi/exhibition.json";
import knExhibition from "../../messages/kn/exhibition.json";
import type { Locale } from "./locales";

/**
 * Every message, one file per namespace and language under messages/. Imported, not read from disk,
 * so TypeScript checks each `t("…")` key against English and each language has every namespace.
 * Namespaces named in SERVER_ONLY (mails, the PDF) are not sent to the browser.
 */
const en = { common: enCommon, exhibition: enExhibition, booking: enBooking, bookings: enBookings };
export type Messages = typeof en;

const CATALOG: Record<Locale, Messages> = {
  en,
  hi: { common: hiCommon, exhibition: hiExhibition, booking: hiBooking, bookings: hiBookings },
  kn: { common: knCommon, exhibition: knExhibition, booking: knBooking, bookings: knBookings },
};

const SERVER_ONLY: readonly (keyof Messages)[] = [];

export const messagesFor = (locale: Locale): Messages => CATALOG[locale];

/** What a page's client components may need: everything but the mails' and the PDF's texts. */
export function clientMessagesFor(locale: Locale): Partial<Messages> {
  return Object.fromEntries(Object.entries(CATALOG[locale]).filter(([namespace]) => !SERVER_ONLY.includes(namespace as keyof Messages)));
}
