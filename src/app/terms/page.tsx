import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { VENUE } from "@/domain/venue";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("terms"))("title") };
}

const SECTIONS = ["booking", "payment", "refunds", "entry"] as const;

/** The terms and refund policy that checkout links beside "Pay". */
export default async function TermsPage() {
  const t = await getTranslations("terms");
  return (
    <div className="mx-auto max-w-2xl px-4 py-10">
      <h1 className="font-serif text-4xl font-semibold text-ink">{t("title")}</h1>
      <p className="mt-3 text-muted">{t("intro", { venue: VENUE.name })}</p>
      {SECTIONS.map((section) => (
        <section key={section} className="mt-6">
          <h2 className="font-serif text-2xl font-semibold text-ink">{t(`${section}Title`)}</h2>
          <p className="mt-2 text-ink">{t(section)}</p>
        </section>
      ))}
      <Link href="/checkout" className="mt-8 inline-block font-semibold text-accent underline underline-offset-4">
        {t("back")}
      </Link>
    </div>
  );
}
