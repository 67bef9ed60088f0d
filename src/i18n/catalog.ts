import enCommon from "../../messages/en/common.json";
import hiCommon from "../../messages/hi/common.json";
import knCommon from "../../messages/kn/common.json";
import enErrors from "../../messages/en/errors.json";
import hiErrors from "../../messages/hi/errors.json";
import knErrors from "../../messages/kn/errors.json";
import enAuth from "../../messages/en/auth.json";
import hiAuth from "../../messages/hi/auth.json";
import knAuth from "../../messages/kn/auth.json";
import enCatalogue from "../../messages/en/catalogue.json";
import hiCatalogue from "../../messages/hi/catalogue.json";
import knCatalogue from "../../messages/kn/catalogue.json";
import enHome from "../../messages/en/home.json";
import hiHome from "../../messages/hi/home.json";
import knHome from "../../messages/kn/home.json";
import enMeta from "../../messages/en/meta.json";
import hiMeta from "../../messages/hi/meta.json";
import knMeta from "../../messages/kn/meta.json";
import enPdf from "../../messages/en/pdf.json";
import hiPdf from "../../messages/hi/pdf.json";
import knPdf from "../../messages/kn/pdf.json";
import type { Locale } from "./locales";

/**
 * Every message, one file per namespace and language under messages/. Imported, not read from disk,
 * so TypeScript checks each `t("…")` key against English and each language has every namespace.
 * Namespaces named in SERVER_ONLY (mails, the PDF) are not sent to the browser.
 */
const en = { common: enCommon, errors: enErrors, auth: enAuth, catalogue: enCatalogue, home: enHome, meta: enMeta, pdf: enPdf };
export type Messages = typeof en;

const CATALOG: Record<Locale, Messages> = {
  en,
  hi: { common: hiCommon, errors: hiErrors, auth: hiAuth, catalogue: hiCatalogue, home: hiHome, meta: hiMeta, pdf: hiPdf },
  kn: { common: knCommon, errors: knErrors, auth: knAuth, catalogue: knCatalogue, home: knHome, meta: knMeta, pdf: knPdf },
};

// API error messages, page titles and the tickets PDF are written by the server.
const SERVER_ONLY: readonly (keyof Messages)[] = ["errors", "meta", "pdf"];

export const messagesFor = (locale: Locale): Messages => CATALOG[locale];

/** What a page's client components may need: everything but the mails' and the PDF's texts. */
export function clientMessagesFor(locale: Locale): Partial<Messages> {
  return Object.fromEntries(Object.entries(CATALOG[locale]).filter(([namespace]) => !SERVER_ONLY.includes(namespace as keyof Messages)));
}
