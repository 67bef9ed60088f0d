import { match } from "@formatjs/intl-localematcher";
import Negotiator from "negotiator";
import { DEFAULT_LOCALE, isLocale, LOCALES, type Locale } from "./locales";

// Apart from locales.ts, which client components import: the matcher and its data stay off the browser's bundle.

/** The language for a request: the remembered choice, else the best match for Accept-Language, else English. */
export function resolveLocale({ cookie, acceptLanguage }: { cookie?: string | undefined; acceptLanguage?: string | null | undefined }): Locale {
  if (isLocale(cookie)) return cookie;
  if (!acceptLanguage) return DEFAULT_LOCALE;
  const requested = new Negotiator({ headers: { "accept-language": acceptLanguage } }).languages().filter((tag) => tag !== "*");
  try {
    const matched = match(requested, LOCALES, DEFAULT_LOCALE);
    return isLocale(matched) ? matched : DEFAULT_LOCALE;
  } catch {
    // A malformed tag ("en_US!") is a browser's mistake, not a reason to refuse the page.
    return DEFAULT_LOCALE;
  }
}
