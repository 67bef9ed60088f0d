import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { formatTime, formatWhen } from "@/components/format";
import { LinkAction } from "@/components/waitlist/link-action";
import { TOKEN_PATTERN } from "@/domain/waitlist/tokens";
import { findOffer } from "@/domain/waitlist/waitlist-views";
import { isLocale } from "@/i18n/locales";
import { requestContext } from "@/server/request-context";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("waitlist");
  return { title: t("claimTitle"), robots: { index: false }, referrer: "same-origin" };
}

/** The offer's link: what is held, until when, and the button that puts it in the cart. */
export default async function ClaimPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const ctx = requestContext();
  const offer = TOKEN_PATTERN.test(token) ? await findOffer({ ctx, input: { token } }) : undefined;
  const [t, locale] = await Promise.all([getTranslations("waitlist"), getLocale()]);
  const zone = ctx.settings.venueTimeZone;

  if (!offer) {
    return (
      <div className="mx-auto max-w-xl px-4 py-8">
        <h1 className="font-serif text-3xl font-semibold leading-tight text-ink">{t("offerGone")}</h1>
        <p className="mt-4 text-muted">{t("offerGoneText")}</p>
        <div className="mt-6 flex flex-wrap gap-3">
          <Link href="/cart" className="rounded-lg bg-accent px-5 py-3 font-semibold text-white hover:bg-accent-dark">
            {t("seeCart")}
          </Link>
          <Link href="/exhibitions" className="rounded-lg border border-line bg-white px-5 py-3 font-semibold text-ink hover:border-accent">
            {t("whatsOn")}
          </Link>
        </div>
      </div>
    );
  }
  return (
    <div className="mx-auto max-w-xl px-4 py-8">
      <p className="text-sm font-semibold uppercase tracking-widest text-accent">{t("claimTitle")}</p>
      <h1 className="mt-2 font-serif text-3xl font-semibold leading-tight text-ink">{t("claimHeading")}</h1>
      <p className="mt-4 text-lg leading-relaxed text-ink">
        {t("claimText", { count: offer.quantity, ticketType: offer.ticketType, title: offer.exhibitionTitle, when: formatWhen(offer.startsAt, zone, isLocale(locale) ? locale : undefined), until: formatTime(offer.expiresAt, zone) })}
      </p>
      <LinkAction action="claim" token={token} />
      <p className="mt-8">
        <Link href={`/waitlist/leave/${token}`} className="font-semibold text-accent underline hover:text-accent-dark">
          {t("declineLink")}
        </Link>
      </p>
    </div>
  );
}
