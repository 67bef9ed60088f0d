import { getTranslations } from "next-intl/server";
import type { Locale } from "@/i18n/locales";
import { entryWindowText, visitInfoFor, type Visit } from "@/server/visit-info";

/** Where the museum is, when the door admits each visit, what to bring and how to get in step-free. */
export async function VisitDetails({ visits, locale, calendarUrl }: { visits: Visit[]; locale: Locale; calendarUrl: string }) {
  const t = await getTranslations("visit");
  const info = visitInfoFor(locale);
  return (
    <section aria-labelledby="visit-heading" className="mt-10 rounded-xl border border-line bg-white p-5" data-testid="visit-info">
      <h2 id="visit-heading" className="font-serif text-2xl font-semibold text-ink">
        {t("heading")}
      </h2>
      <h3 className="mt-4 font-semibold text-ink">{t("entryHeading")}</h3>
      <ul className="mt-1 space-y-1 text-ink" data-testid="entry-windows">
        {visits.map((visit) => (
          <li key={visit.slotId}>{entryWindowText(visit, locale)}</li>
        ))}
      </ul>
      <a href={calendarUrl} download className="mt-3 inline-block rounded-lg border border-accent px-4 py-2 font-semibold text-accent hover:bg-accent/5" data-testid="calendar-link">
        {t("addToCalendar")}
      </a>
      <h3 className="mt-4 font-semibold text-ink">{t("addressHeading")}</h3>
      <p className="text-ink">{info.address}</p>
      <a href={info.mapUrl} className="text-accent underline underline-offset-4" rel="noopener">
        {t("mapLink")}
      </a>
      <h3 className="mt-4 font-semibold text-ink">{t("bringHeading")}</h3>
      <p className="text-ink">{info.bring}</p>
      <h3 className="mt-4 font-semibold text-ink">{t("accessibilityHeading")}</h3>
      <p className="text-ink">{info.accessibility}</p>
    </section>
  );
}
