import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ExhibitionGrid } from "@/components/exhibition-card";
import { listExhibitions } from "@/domain/catalog/list-exhibitions";
import { VENUE } from "@/domain/venue";
import { requestContext } from "@/server/request-context";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("meta");
  return { title: { absolute: t("siteTitle", { venue: VENUE.name }) } };
}

export default async function HomePage() {
  const [exhibitions, t] = await Promise.all([listExhibitions({ ctx: requestContext() }), getTranslations("home")]);
  const featured = exhibitions.filter((exhibition) => exhibition.featured);
  const others = exhibitions.filter((exhibition) => !exhibition.featured);

  return (
    <>
      <section className="border-b border-line bg-gradient-to-b from-white to-paper">
        <div className="mx-auto max-w-6xl px-4 py-12 sm:py-16">
          <p className="text-sm font-semibold uppercase tracking-widest text-accent">{t("eyebrow", { city: VENUE.city })}</p>
          <h1 className="mt-3 max-w-3xl font-serif text-4xl font-semibold leading-tight text-ink sm:text-5xl">{t("heading")}</h1>
          <p className="mt-4 max-w-2xl text-lg leading-relaxed text-muted">{t("intro")}</p>
          <Link
            href="/exhibitions"
            className="mt-6 inline-block rounded-lg bg-accent px-5 py-3 font-semibold text-white shadow-sm hover:bg-accent-dark"
          >
            {t("seeWhatsOn")}
          </Link>
        </div>
      </section>

      <section aria-labelledby="featured-heading" className="mx-auto max-w-6xl px-4 py-12">
        <h2 id="featured-heading" className="font-serif text-3xl font-semibold text-ink">
          {t("featured")}
        </h2>
        <ExhibitionGrid exhibitions={featured} testId="featured-list" />
      </section>

      {others.length > 0 && (
        <section aria-labelledby="more-heading" className="mx-auto max-w-6xl px-4 pb-4">
          <h2 id="more-heading" className="font-serif text-2xl font-semibold text-ink">
            {t("alsoOnView")}
          </h2>
          <ExhibitionGrid exhibitions={others} />
        </section>
      )}
    </>
  );
}
