"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { Suspense } from "react";
import { LOCALE_NAMES, LOCALES } from "@/i18n/locales";

/** The page being read, query and all (an order's ?key= included), to come back to after the switch. */
function HereWithQuery() {
  const pathname = usePathname();
  const query = useSearchParams().toString();
  return <input type="hidden" name="next" value={query ? `${pathname}?${query}` : pathname} />;
}

/**
 * English · हिन्दी · ಕನ್ನಡ, each named in itself: a plain form posting to /api/locale, so it works
 * without JavaScript; the server remembers the choice and sends the visitor back to this page.
 */
export function LanguageSwitch() {
  const t = useTranslations("common");
  const current = useLocale();
  const pathname = usePathname();
  return (
    <form method="post" action="/api/locale" aria-label={t("language")} className="flex items-center text-sm" data-testid="language-switch">
      <Suspense fallback={<input type="hidden" name="next" value={pathname} />}>
        <HereWithQuery />
      </Suspense>
      {LOCALES.map((locale, index) => (
        <span key={locale} className="flex items-center">
          {index > 0 && (
            <span aria-hidden="true" className="px-0.5 text-muted">
              ·
            </span>
          )}
          <button
            type="submit"
            name="locale"
            value={locale}
            lang={locale}
            aria-current={locale === current ? "true" : undefined}
            className={`min-h-8 rounded px-2 py-1 underline-offset-4 hover:underline ${locale === current ? "font-semibold text-accent" : "text-ink"}`}
          >
            {LOCALE_NAMES[locale]}
          </button>
        </span>
      ))}
    </form>
  );
}
