import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { config } from "@/server/config";
import { messagesFor } from "./catalog";
import { LOCALE_COOKIE } from "./locales";
import { resolveLocale } from "./resolve-locale";

// next-intl's per-request configuration (next.config.ts points its plugin here): the language comes
// from the remembered choice or the browser, never from the path, so every URL stays as API.md has it.
export default getRequestConfig(async () => {
  const [jar, head] = await Promise.all([cookies(), headers()]);
  const locale = resolveLocale({ cookie: jar.get(LOCALE_COOKIE)?.value, acceptLanguage: head.get("accept-language") });
  return { locale, messages: messagesFor(locale), timeZone: config().venueTimeZone };
});
