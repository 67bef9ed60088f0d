import enCommon from "../../messages/en/common.json";
import hiCommon from "../../messages/hi/common.json";
import knCommon from "../../messages/kn/common.json";
import enBooking from "../../messages/en/booking.json";
import hiBooking from "../../messages/hi/booking.json";
import knBooking from "../../messages/kn/booking.json";
import enBookings from "../../messages/en/bookings.json";
import hiBookings from "../../messages/hi/bookings.json";
import knBookings from "../../messages/kn/bookings.json";
import enCart from "../../messages/en/cart.json";
import hiCart from "../../messages/hi/cart.json";
import knCart from "../../messages/kn/cart.json";
import enCheckout from "../../messages/en/checkout.json";
import hiCheckout from "../../messages/hi/checkout.json";
import knCheckout from "../../messages/kn/checkout.json";
import enExhibition from "../../messages/en/exhibition.json";
import hiExhibition from "../../messages/hi/exhibition.json";
import knExhibition from "../../messages/kn/exhibition.json";
import enLookup from "../../messages/en/lookup.json";
import hiLookup from "../../messages/hi/lookup.json";
import knLookup from "../../messages/kn/lookup.json";
import enMail from "../../messages/en/mail.json";
import hiMail from "../../messages/hi/mail.json";
import knMail from "../../messages/kn/mail.json";
import enOrder from "../../messages/en/order.json";
import hiOrder from "../../messages/hi/order.json";
import knOrder from "../../messages/kn/order.json";
import enPay from "../../messages/en/pay.json";
import hiPay from "../../messages/hi/pay.json";
import knPay from "../../messages/kn/pay.json";
import enTerms from "../../messages/en/terms.json";
import hiTerms from "../../messages/hi/terms.json";
import knTerms from "../../messages/kn/terms.json";
import enVisit from "../../messages/en/visit.json";
import hiVisit from "../../messages/hi/visit.json";
import knVisit from "../../messages/kn/visit.json";
import enWaitlist from "../../messages/en/waitlist.json";
import hiWaitlist from "../../messages/hi/waitlist.json";
import knWaitlist from "../../messages/kn/waitlist.json";
import enWaitlistMail from "../../messages/en/waitlist-mail.json";
import hiWaitlistMail from "../../messages/hi/waitlist-mail.json";
import knWaitlistMail from "../../messages/kn/waitlist-mail.json";
import type { Locale } from "./locales";

/**
 * Every message, one file per namespace and language under messages/. Imported, not read from disk,
 * so TypeScript checks each `t("…")` key against English and each language has every namespace.
 * Namespaces named in SERVER_ONLY (mails, the PDF) are not sent to the browser.
 */
const en = { common: enCommon, booking: enBooking, bookings: enBookings, cart: enCart, checkout: enCheckout, exhibition: enExhibition, lookup: enLookup, mail: enMail, order: enOrder, pay: enPay, terms: enTerms, visit: enVisit, waitlist: enWaitlist, "waitlist-mail": enWaitlistMail };
export type Messages = typeof en;

const CATALOG: Record<Locale, Messages> = {
  en,
  hi: { common: hiCommon, booking: hiBooking, bookings: hiBookings, cart: hiCart, checkout: hiCheckout, exhibition: hiExhibition, lookup: hiLookup, mail: hiMail, order: hiOrder, pay: hiPay, terms: hiTerms, visit: hiVisit, waitlist: hiWaitlist, "waitlist-mail": hiWaitlistMail },
  kn: { common: knCommon, booking: knBooking, bookings: knBookings, cart: knCart, checkout: knCheckout, exhibition: knExhibition, lookup: knLookup, mail: knMail, order: knOrder, pay: knPay, terms: knTerms, visit: knVisit, waitlist: knWaitlist, "waitlist-mail": knWaitlistMail },
};

const SERVER_ONLY: readonly (keyof Messages)[] = ["mail", "visit", "waitlist-mail"];

export const messagesFor = (locale: Locale): Messages => CATALOG[locale];

/** What a page's client components may need: everything but the mails' and the PDF's texts. */
export function clientMessagesFor(locale: Locale): Partial<Messages> {
  return Object.fromEntries(Object.entries(CATALOG[locale]).filter(([namespace]) => !SERVER_ONLY.includes(namespace as keyof Messages)));
}
