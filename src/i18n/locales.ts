/** The languages visitors can book in: the demo museum is in Bengaluru. */
export const LOCALES = ["en", "hi", "kn"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

/** The visitor's own choice, set by the language switch; it wins over the browser's Accept-Language. */
export const LOCALE_COOKIE = "locale";

/** Each language named in itself, as the switch shows it. */
export const LOCALE_NAMES: Record<Locale, string> = { en: "English", hi: "हिन्दी", kn: "ಕನ್ನಡ" };

/** The tag dates, times and money are formatted with: Indian English groups lakhs and writes "22 Nov". */
export const INTL_TAGS: Record<Locale, string> = { en: "en-IN", hi: "hi-IN", kn: "kn-IN" };

export const isLocale = (value: unknown): value is Locale => typeof value === "string" && (LOCALES as readonly string[]).includes(value);
