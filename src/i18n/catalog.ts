import enCommon from "../../messages/en/common.json";
import hiCommon from "../../messages/hi/common.json";
import knCommon from "../../messages/kn/common.json";
import enAuth from "../../messages/en/auth.json";
import hiAuth from "../../messages/hi/auth.json";
import knAuth from "../../messages/kn/auth.json";
import enBooking from "../../messages/en/booking.json";
import hiBooking from "../../messages/hi/booking.json";
import knBooking from "../../messages/kn/booking.json";
import enBookings from "../../messages/en/bookings.json";
import hiBookings from "../../messages/hi/bookings.json";
import knBookings from "../../messages/kn/bookings.json";
import enCart from "../../messages/en/cart.json";
import hiCart from "../../messages/hi/cart.json";
import knCart from "../../messages/kn/cart.json";
import enCatalogue from "../../messages/en/catalogue.json";
import hiCatalogue from "../../messages/hi/catalogue.json";
import knCatalogue from "../../messages/kn/catalogue.json";
import enCheckout from "../../messages/en/checkout.json";
import hiCheckout from "../../messages/hi/checkout.json";
import knCheckout from "../../messages/kn/checkout.json";
import enErrors from "../../messages/en/errors.json";
import hiErrors from "../../messages/hi/errors.json";
import knErrors from "../../messages/kn/errors.json";
import enExhibition from "../../messages/en/exhibition.json";
import hiExhibition from "../../messages/hi/exhibition.json";
import knExhibition from "../../messages/kn/exhibition.json";
import enHome from "../../messages/en/home.json";
import hiHome from "../../messages/hi/home.json";
import knHome from "../../messages/kn/home.json";
import enLookup from "../../messages/en/lookup.json";
import hiLookup from "../../messages/hi/lookup.json";
import knLookup from "../../messages/kn/lookup.json";
import enMail from "../../messages/en/mail.json";
import hiMail from "../../messages/hi/mail.json";
import knMail from "../../messages/kn/mail.json";
import enMeta from "../../messages/en/meta.json";
import hiMeta from "../../messages/hi/meta.json";
import knMeta from "../../messages/kn/meta.json";
import enOrder from "../../messages/en/order.json";
import hiOrder from "../../messages/hi/order.json";
import knOrder from "../../messages/kn/order.json";
import enPay from "../../messages/en/pay.json";
import hiPay from "../../messages/hi/pay.json";
import knPay from "../../messages/kn/pay.json";
import enPdf from "../../messages/en/pdf.json";
import hiPdf from "../../messages/hi/pdf.json";
import knPdf from "../../messages/kn/pdf.json";
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
 * Only the namespaces client components read (FOR_THE_BROWSER) go into the page: the rest (mails,
 * the PDF, server-rendered pages' texts) would only make every page heavier.
 */
const en = { common: enCommon, auth: enAuth, booking: enBooking, bookings: enBookings, cart: enCart, catalogue: enCatalogue, checkout: enCheckout, errors: enErrors, exhibition: enExhibition, home: enHome, lookup: enLookup, mail: enMail, meta: enMeta, order: enOrder, pay: enPay, pdf: enPdf, terms: enTerms, visit: enVisit, waitlist: enWaitlist, "waitlist-mail": enWaitlistMail };
export type Messages = typeof en;

const CATALOG: Record<Locale, Messages> = {
  en,
  hi: { common: hiCommon, auth: hiAuth, booking: hiBooking, bookings: hiBookings, cart: hiCart, catalogue: hiCatalogue, checkout: hiCheckout, errors: hiErrors, exhibition: hiExhibition, home: hiHome, lookup: hiLookup, mail: hiMail, meta: hiMeta, order: hiOrder, pay: hiPay, pdf: hiPdf, terms: hiTerms, visit: hiVisit, waitlist: hiWaitlist, "waitlist-mail": hiWaitlistMail },
  kn: { common: knCommon, auth: knAuth, booking: knBooking, bookings: knBookings, cart: knCart, catalogue: knCatalogue, checkout: knCheckout, errors: knErrors, exhibition: knExhibition, home: knHome, lookup: knLookup, mail: knMail, meta: knMeta, order: knOrder, pay: knPay, pdf: knPdf, terms: knTerms, visit: knVisit, waitlist: knWaitlist, "waitlist-mail": knWaitlistMail },
};

/** The namespaces "use client" components ask useTranslations for; client-namespaces.test.ts keeps it whole. */
export const FOR_THE_BROWSER: readonly (keyof Messages)[] = ["common", "auth", "booking", "cart", "checkout", "lookup", "waitlist"];

export const messagesFor = (locale: Locale): Messages => CATALOG[locale];

/** What a page's client components need. */
export function clientMessagesFor(locale: Locale): Partial<Messages> {
  return Object.fromEntries(FOR_THE_BROWSER.map((namespace) => [namespace, CATALOG[locale][namespace]]));
}
