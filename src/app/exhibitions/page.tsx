import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ExhibitionGrid } from "@/components/exhibition-card";
import { listExhibitions } from "@/domain/catalog/list-exhibitions";
import { requestContext } from "@/server/request-context";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("meta"))("whatsOn") };
}

export default async function ExhibitionsPage() {
  const [exhibitions, t] = await Promise.all([listExhibitions({ ctx: requestContext() }), getTranslations("catalogue")]);
  return (
    <div className="mx-auto max-w-6xl px-4 py-10">
      <h1 className="font-serif text-4xl font-semibold text-ink">{t("heading")}</h1>
      <p className="mt-3 max-w-2xl text-muted">{t("intro")}</p>
      <ExhibitionGrid exhibitions={exhibitions} headingLevel={2} />
    </div>
  );
}
