import { createTranslator } from "use-intl/core";
import { messagesFor } from "@/i18n/catalog";
import type { Locale } from "@/i18n/locales";
import type { ErrorCode } from "./errors";

// Typed so that a code added to the API without its sentence in messages/en/errors.json does not
// compile (and catalog.test.ts holds Hindi and Kannada to English's keys).
const sentencesIn = (locale: Locale): Record<ErrorCode, string> => messagesFor(locale).errors;

/** The numbers an error's sentence may need, read from what the error already carries. */
function valuesOf(details: Record<string, unknown>, headers: HeadersInit | undefined): Record<string, string | number> {
  const values: Record<string, string | number> = {};
  for (const name of ["available", "limit", "taken"]) if (typeof details[name] === "number") values[name] = details[name];
  const fields = details.fields;
  if (typeof fields === "object" && fields !== null) values.fields = Object.keys(fields).join(", ");
  const retryAfter = new Headers(headers).get("retry-after");
  if (retryAfter) values.seconds = retryAfter;
  return values;
}

/**
 * API.md's `message` in the request's language. Codes never change; English keeps the sentence the
 * code was thrown with; Hindi and Kannada say the code's sentence (messages/<locale>/errors.json),
 * with the numbers the error carries in its details or Retry-After, or name the fields a 400 lists.
 * A code or a number the catalogue lacks (a code added later) keeps the English sentence.
 */
export function messageIn(
  locale: Locale,
  code: string,
  english: string,
  facts: { details?: Record<string, unknown>; headers?: HeadersInit; key?: string } = {},
): string {
  if (locale === "en") return english;
  const values = valuesOf(facts.details ?? {}, facts.headers);
  const key = facts.key ?? (code === "invalid_request" && values.fields ? "invalid_fields" : code);
  let failed = false;
  const t = createTranslator({
    locale,
    messages: { errors: sentencesIn(locale) as Record<string, string> },
    namespace: "errors",
    onError: () => {
      failed = true;
    },
  });
  if (!t.has(key)) return english;
  const said = t(key, values);
  return failed ? english : said;
}
