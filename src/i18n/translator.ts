import { createTranslator } from "use-intl/core";
import { config } from "@/server/config";
import { messagesFor, type Messages } from "./catalog";
import type { Locale } from "./locales";

/** A translator outside a page's request (e-mails, the PDF, API error messages), for a known language. */
export const translatorFor = <Namespace extends keyof Messages>(locale: Locale, namespace: Namespace) =>
  createTranslator({ locale, messages: messagesFor(locale), namespace, timeZone: config().venueTimeZone });
