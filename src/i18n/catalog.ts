import enCommon from "../../messages/en/common.json";
import hiCommon from "../../messages/hi/common.json";
import knCommon from "../../messages/kn/common.json";
import enOrder from "../../messages/en/order.json";
import hiOrder from "../../messages/hi/order.json";
import knOrder from "../../messages/kn/order.json";
import enMail from "../../messages/en/mail.json";
import hiMail from "../../messages/hi/mail.json";
import knMail from "../../messages/kn/mail.json";
import enLookup from "../../messages/en/lookup.json";
import hiLookup from "../../messages/hi/lookup.json";
import knLookup from "../../messages/kn/lookup.json";
import enVisit from "../../messages/en/visit.json";
import hiVisit from "../../messages/hi/visit.json";
import knVisit from "../../messages/kn/visit.json";
import type { Locale } from "./locales";

/**
 * Every message, one file per namespace and language under messages/. Imported, not read from disk,
 * so TypeScript checks each `t("…")` key against English and each language has every namespace.
 * Namespaces named in SERVER_ONLY (mails, the PDF) are not sent to the browser.
 */
const en = { common: enCommon, order: enOrder, mail: enMail, lookup: enLookup, visit: enVisit };
export type Messages = typeof en;

const CATALOG: Record<Locale, Messages> = {
  en,
  hi: { common: hiCommon, order: hiOrder, mail: hiMail, lookup: hiLookup, visit: hiVisit },
  kn: { common: knCommon, order: knOrder, mail: knMail, lookup: knLookup, visit: knVisit },
};

const SERVER_ONLY: readonly (keyof Messages)[] = ["mail", "visit"];

export const messagesFor = (locale: Locale): Messages => CATALOG[locale];

/** What a page's client components may need: everything but the mails' and the PDF's texts. */
export function clientMessagesFor(locale: Locale): Partial<Messages> {
  return Object.fromEntries(Object.entries(CATALOG[locale]).filter(([namespace]) => !SERVER_ONLY.includes(namespace as keyof Messages)));
}
