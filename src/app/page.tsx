import Link from "next/link";
import { ExhibitionGrid } from "@/components/exhibition-card";
import { listExhibitions } from "@/domain/catalog/list-exhibitions";
import { VENUE } from "@/domain/venue";
import { requestContext } from "@/server/request-context";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const exhibitions = await listExhibitions({ ctx: requestContext() });
  const featured = exhibitions.filter((exhibition) => exhibition.featured);
  const others = exhibitions.filter((exhibition) => !exhibition.featured);

  return (
    <>
      <section className="border-b border-line bg-gradient-to-b from-white to-paper">
        <div className="mx-auto max-w-6xl px-4 py-12 sm:py-16">
          <p className="text-sm font-semibold uppercase tracking-widest text-accent">{VENUE.city} · Open daily 10:00–18:00</p>
          <h1 className="mt-3 max-w-3xl font-serif text-4xl font-semibold leading-tight text-ink sm:text-5xl">
            Art, science and the stars, under one roof.
          </h1>
          <p className="mt-4 max-w-2xl text-lg leading-relaxed text-muted">
            Choose an exhibition or a planetarium show, pick a time, and skip the queue. Entry is timed so every gallery stays calm.
          </p>
          <Link
            href="/exhibitions"
            className="mt-6 inline-block rounded-lg bg-accent px-5 py-3 font-semibold text-white shadow-sm hover:bg-accent-dark"
          >
            See what&rsquo;s on
          </Link>
        </div>
      </section>

      <section aria-labelledby="featured-heading" className="mx-auto max-w-6xl px-4 py-12">
        <h2 id="featured-heading" className="font-serif text-3xl font-semibold text-ink">
          Featured
        </h2>
        <ExhibitionGrid exhibitions={featured} testId="featured-list" />
      </section>

      {others.length > 0 && (
        <section aria-labelledby="more-heading" className="mx-auto max-w-6xl px-4 pb-4">
          <h2 id="more-heading" className="font-serif text-2xl font-semibold text-ink">
            Also on view
          </h2>
          <ExhibitionGrid exhibitions={others} />
        </section>
      )}
    </>
  );
}
