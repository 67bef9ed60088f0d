import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { formatWhen } from "@/components/format";
import { JoinForm } from "@/components/waitlist/join-form";
import { venueDateOf } from "@/domain/calendar/venue-time";
import { isDomainError } from "@/domain/errors";
import { DEFAULT_WAITLIST_HOLD_SECONDS } from "@/domain/waitlist/tokens";
import { waitlistSlot } from "@/domain/waitlist/waitlist-views";
import { isLocale } from "@/i18n/locales";
import { isUuid } from "@/server/http/schemas";
import { requestContext } from "@/server/request-context";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string; slotId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("waitlist");
  return { title: t("joinTitle"), robots: { index: false } };
}

export default async function WaitlistJoinPage({ params }: Props) {
  const { slug, slotId } = await params;
  if (!isUuid(slotId)) notFound();
  const ctx = requestContext();
  const slot = await waitlistSlot({ ctx, input: { slug, slotId } }).catch((error: unknown) => {
    if (isDomainError(error) && error.code === "not_found") notFound();
    throw error;
  });
  const [t, locale] = await Promise.all([getTranslations("waitlist"), getLocale()]);
  const when = formatWhen(slot.startsAt, ctx.settings.venueTimeZone, isLocale(locale) ? locale : undefined);
  const minutes = Math.round((ctx.settings.waitlistHoldSeconds ?? DEFAULT_WAITLIST_HOLD_SECONDS) / 60);

  return (
    <div className="mx-auto max-w-xl px-4 py-8">
      <p className="text-sm font-semibold uppercase tracking-widest text-accent">{t("joinTitle")}</p>
      <h1 className="mt-2 font-serif text-3xl font-semibold leading-tight text-ink">{slot.exhibitionTitle}</h1>
      <p className="mt-1 text-lg text-ink">{when}</p>
      {slot.available > 0 ? (
        <div className="mt-6 rounded-xl border border-line bg-white p-5">
          <p className="text-ink">{t("notSoldOut", { count: slot.available })}</p>
          <Link href={`/exhibitions/${slug}?date=${venueDateOf(new Date(slot.startsAt), ctx.settings.venueTimeZone)}`} className="mt-4 inline-block rounded-lg bg-accent px-5 py-3 font-semibold text-white hover:bg-accent-dark">
            {t("bookNow")}
          </Link>
        </div>
      ) : (
        <>
          <p className="mt-4 leading-relaxed text-muted">{t("soldOutIntro", { minutes })}</p>
          <JoinForm path={`/api/exhibitions/${slug}/slots/${slotId}/waitlist`} maxTickets={ctx.settings.maxTicketsPerOrder} ticketTypes={slot.ticketTypes} />
        </>
      )}
      <p className="mt-8">
        <Link href={`/exhibitions/${slug}`} className="font-semibold text-accent underline hover:text-accent-dark">
          {t("backTo", { title: slot.exhibitionTitle })}
        </Link>
      </p>
    </div>
  );
}
