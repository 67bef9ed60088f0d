import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { cache } from "react";
import { DayPicker } from "@/components/day-picker";
import { KindBadge } from "@/components/exhibition-card";
import { formatDay, formatMoney } from "@/components/format";
import type { Locale } from "@/i18n/locales";
import { BookingPanel } from "@/components/booking/booking-panel";
import { venueDateOf } from "@/domain/calendar/venue-time";
import { BOOKING_DAYS_AHEAD, bookableDayOr, lastBookableDay } from "@/domain/catalog/booking-window";
import { getExhibition } from "@/domain/catalog/get-exhibition";
import { listDays } from "@/domain/catalog/list-days";
import { listSlots } from "@/domain/catalog/list-slots";
import { isDomainError } from "@/domain/errors";
import { requestContext } from "@/server/request-context";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const findExhibition = cache(async (slug: string) => {
  try {
    return await getExhibition({ ctx: requestContext(), input: { slug } });
  } catch (error) {
    if (isDomainError(error) && error.code === "not_found") notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const exhibition = await findExhibition((await params).slug);
  return { title: exhibition.title, description: exhibition.summary };
}

export default async function ExhibitionPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const query = await searchParams;
  const exhibition = await findExhibition(slug);
  const ctx = requestContext();
  const timeZone = ctx.settings.venueTimeZone;
  const today = venueDateOf(ctx.now(), timeZone);
  const requested = typeof query.date === "string" ? query.date : undefined;
  const t = await getTranslations("exhibition");
  const locale = (await getLocale()) as Locale;
  const days = await listDays({ ctx, input: { slug } });
  // Not today when nothing is left today (evening, sold out): the first day that still has a time to book.
  const openDays = days.filter((entry) => entry.status === "open").map((entry) => entry.date);
  const day = bookableDayOr(today, requested, openDays[0] ?? today);
  const slots = await listSlots({ ctx, input: { slug, from: day, to: day } });
  const basePath = `/exhibitions/${exhibition.slug}`;

  return (
    <article className="mx-auto max-w-6xl px-4 py-8">
      <a href="#tickets" className="mb-4 flex w-full justify-center rounded-lg bg-accent px-5 py-3 font-semibold text-white shadow-sm hover:bg-accent-dark lg:hidden">
        {t("bookTickets")}
      </a>
      <div className="grid grid-cols-1 gap-10 lg:grid-cols-[minmax(0,1fr)_26rem]">
        <div>
          {/* eslint-disable-next-line @next/next/no-img-element -- small SVG artwork, nothing to optimise */}
          <img src={exhibition.imageUrl} alt="" fetchPriority="high" className="aspect-[16/9] w-full rounded-xl border border-line object-cover" width={960} height={540} />
          <div className="mt-6 flex flex-wrap items-center gap-3">
            <KindBadge kind={exhibition.kind} />
            <span className="text-sm text-muted">{t("minutes", { minutes: exhibition.durationMinutes })}</span>
          </div>
          <h1 className="mt-3 font-serif text-3xl font-semibold leading-tight text-ink sm:text-4xl">{exhibition.title}</h1>
          <p className="mt-3 text-lg leading-relaxed text-muted">{exhibition.summary}</p>
          <div className="mt-6 space-y-4 leading-relaxed text-ink">
            {exhibition.description.split("\n\n").map((paragraph) => (
              <p key={paragraph}>{paragraph}</p>
            ))}
          </div>
        </div>

        <aside id="tickets" aria-labelledby="tickets-heading" className="h-fit min-w-0 scroll-mt-4 rounded-xl border border-line bg-white p-5 shadow-sm lg:sticky lg:top-4">
          <h2 id="tickets-heading" className="font-serif text-2xl font-semibold text-ink">
            {t("tickets")}
          </h2>
          <table className="mt-3 w-full text-sm">
            <caption className="sr-only">{t("ticketPrices")}</caption>
            <thead className="sr-only">
              <tr>
                <th scope="col">{t("ticket")}</th>
                <th scope="col">{t("price")}</th>
              </tr>
            </thead>
            <tbody>
              {exhibition.ticketTypes.map((type) => (
                <tr key={type.id} className="border-b border-line last:border-0">
                  <th scope="row" className="py-2 pr-3 text-left font-medium text-ink">
                    {type.name}
                    <span className="block text-xs font-normal text-muted">{type.description}</span>
                  </th>
                  <td className="py-2 text-right font-semibold tabular-nums text-ink">{type.price.amount === 0 ? t("free") : formatMoney(type.price, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>

          <div className="mt-6">
            <DayPicker basePath={basePath} today={today} lastDay={lastBookableDay(today)} selected={day} states={new Map(days.map((entry) => [entry.date, entry.status]))} locale={locale} />
          </div>

          <section id="times" aria-labelledby="times-heading" className="mt-6 scroll-mt-4">
            <h3 id="times-heading" className="font-semibold text-ink">
              {t("timesOn", { day: formatDay(day, "long", locale) })}
            </h3>
            {requested && requested !== day && (
              <p role="status" className="mt-2 text-sm text-warn">
                {t("outsideWindow", { days: BOOKING_DAYS_AHEAD })}
              </p>
            )}
            <BookingPanel
              // A day link is a client navigation to this same page: a new day must be a new panel, not today's state.
              key={day}
              exhibition={{ slug: exhibition.slug, title: exhibition.title }}
              ticketTypes={exhibition.ticketTypes}
              slots={slots}
              laterDays={openDays.filter((candidate) => candidate > day).slice(0, 3)}
              basePath={basePath}
              timeZone={timeZone}
              maxPerOrder={ctx.settings.maxTicketsPerOrder}
              currency={ctx.settings.currency}
            />
          </section>
        </aside>
      </div>
    </article>
  );
}
