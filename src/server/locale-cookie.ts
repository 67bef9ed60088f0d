import { serialize } from "cookie";
import { LOCALE_COOKIE, type Locale } from "@/i18n/locales";
import { config } from "./config";

const A_YEAR_SECONDS = 365 * 24 * 60 * 60;

/**
 * The visitor's language, remembered for a year. Not HttpOnly: it names a language, not a person,
 * and nothing trusts it (resolveLocale ignores any value but en, hi and kn).
 */
export const localeCookie = (locale: Locale) => serialize(LOCALE_COOKIE, locale, { path: "/", maxAge: A_YEAR_SECONDS, sameSite: "lax", secure: config().production });
