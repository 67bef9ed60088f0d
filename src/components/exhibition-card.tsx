import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import type { Exhibition } from "@/domain/catalog/exhibition-view";
import { formatMoney } from "./format";

export function KindBadge({ kind }: { kind: Exhibition["kind"] }) {
  const t = useTranslations("catalogue");
  return (
    <span className="inline-block rounded-full border border-accent/30 bg-white px-2.5 py-0.5 text-xs font-semibold uppercase tracking-wide text-accent">
      {kind === "show" ? t("show") : t("exhibition")}
    </span>
  );
}

export function ExhibitionCard({ exhibition, headingLevel = 3 }: { exhibition: Exhibition; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const t = useTranslations("catalogue");
  const locale = useLocale();
  return (
    <article className="group relative flex flex-col overflow-hidden rounded-xl border border-line bg-white shadow-sm transition hover:shadow-md">
      {/* eslint-disable-next-line @next/next/no-img-element -- small SVG artwork, nothing to optimise */}
      <img src={exhibition.imageUrl} alt="" className="aspect-[16/9] w-full object-cover" width={640} height={360} />
      <div className="flex flex-1 flex-col gap-3 p-5">
        <div className="flex flex-wrap items-center gap-2">
          <KindBadge kind={exhibition.kind} />
          {exhibition.featured && <span className="text-xs font-semibold uppercase tracking-wide text-warn">{t("featured")}</span>}
        </div>
        <Heading className="font-serif text-xl font-semibold leading-snug text-ink">
          <Link href={`/exhibitions/${exhibition.slug}`} className="after:absolute after:inset-0 group-hover:underline underline-offset-4">
            {exhibition.title}
          </Link>
        </Heading>
        <p className="flex-1 text-sm leading-relaxed text-muted">{exhibition.summary}</p>
        <p className="text-sm font-medium text-ink">
          {t.rich("from", { price: formatMoney(exhibition.priceFrom, locale), strong: (chunks) => <span className="font-semibold">{chunks}</span> })}
        </p>
      </div>
    </article>
  );
}

export function ExhibitionGrid({ exhibitions, headingLevel = 3, testId }: { exhibitions: Exhibition[]; headingLevel?: 2 | 3; testId?: string }) {
  return (
    <ul className="mt-6 grid gap-6 sm:grid-cols-2 lg:grid-cols-3" data-testid={testId}>
      {exhibitions.map((exhibition) => (
        <li key={exhibition.id} className="flex">
          <ExhibitionCard exhibition={exhibition} headingLevel={headingLevel} />
        </li>
      ))}
    </ul>
  );
}
