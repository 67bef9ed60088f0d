import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("meta"))("notFound") };
}

export default async function NotFound() {
  const t = await getTranslations("common");
  return (
    <div className="mx-auto max-w-2xl px-4 py-20 text-center">
      <p className="text-sm font-semibold uppercase tracking-widest text-accent">404</p>
      <h1 className="mt-3 font-serif text-4xl font-semibold text-ink">{t("notFoundHeading")}</h1>
      <p className="mt-4 text-muted">{t("notFoundBody")}</p>
      <div className="mt-8 flex flex-wrap justify-center gap-3">
        <Link href="/exhibitions" className="rounded-lg bg-accent px-5 py-3 font-semibold text-white hover:bg-accent-dark">
          {t("seeWhatsOn")}
        </Link>
        <Link href="/" className="rounded-lg border border-line bg-white px-5 py-3 font-semibold text-ink hover:border-accent">
          {t("home")}
        </Link>
      </div>
    </div>
  );
}
