import { parse } from "cookie";
import { LOCALE_COOKIE, type Locale } from "@/i18n/locales";
import { resolveLocale } from "@/i18n/resolve-locale";

/** The language a request reads in: the visitor's remembered choice, else its browser's Accept-Language. */
export const requestLocale = (headers: Headers): Locale =>
  resolveLocale({ cookie: parse(headers.get("cookie") ?? "")[LOCALE_COOKIE], acceptLanguage: headers.get("accept-language") });
