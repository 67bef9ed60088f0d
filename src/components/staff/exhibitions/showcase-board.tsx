"use client";

import Link from "next/link";
import { useState } from "react";
import type { StaffExhibition } from "@/domain/catalog-admin/staff-exhibition-view";
import { showcaseOrder } from "@/domain/catalog/showcase-order";
import { staffApi } from "../staff-api";
import { ActionMessage, useStaffAction } from "./use-staff-action";

type Showcase = { featured: boolean; displayOrder: number };
const onSale = (exhibition: StaffExhibition) => {
  const n = exhibition.ticketTypes.filter((type) => type.active).length;
  return `${n} ticket type${n === 1 ? "" : "s"}`;
};
const STATUS_STYLE: Record<StaffExhibition["status"], string> = { draft: "text-warn", published: "text-ok", archived: "text-muted" };

/**
 * Every exhibition with its status and showcase settings, editable in place, beside the home page's
 * order as those settings give it (published ones only), sorted by the home page's own function.
 */
export function ShowcaseBoard({ exhibitions }: { exhibitions: StaffExhibition[] }) {
  const [edits, setEdits] = useState<Record<string, Showcase>>({});
  const { busy, message, run } = useStaffAction();
  const showcaseOf = (exhibition: StaffExhibition): Showcase => edits[exhibition.slug] ?? { featured: exhibition.featured, displayOrder: exhibition.displayOrder };
  const edit = (slug: string, change: Partial<Showcase>, base: Showcase) => setEdits((all) => ({ ...all, [slug]: { ...base, ...change } }));
  const changed = (exhibition: StaffExhibition) => {
    const now = showcaseOf(exhibition);
    return now.featured !== exhibition.featured || now.displayOrder !== exhibition.displayOrder;
  };
  const preview = exhibitions
    .filter((exhibition) => exhibition.status === "published")
    .map((exhibition) => ({ ...exhibition, ...showcaseOf(exhibition) }))
    .sort(showcaseOrder);

  const save = (exhibition: StaffExhibition) =>
    run(
      () => staffApi(`/api/staff/exhibitions/${exhibition.slug}`, { method: "PATCH", body: showcaseOf(exhibition) }),
      `Saved the showcase settings of ${exhibition.title}.`,
    ).then((saved) => saved && setEdits(({ [exhibition.slug]: _saved, ...rest }) => rest));

  return (
    <div className="mt-6 grid gap-8 lg:grid-cols-[1fr_18rem]">
      <div>
        <ActionMessage message={message} />
        <table className="mt-2 w-full border-collapse text-sm" data-testid="staff-exhibitions">
          <caption className="sr-only">Exhibitions and their place on the home page</caption>
          <thead>
            <tr className="border-b border-line text-left">
              <th scope="col" className="py-2 pr-3">Exhibition</th>
              <th scope="col" className="py-2 pr-3">Status</th>
              <th scope="col" className="py-2 pr-3">Featured</th>
              <th scope="col" className="py-2 pr-3">Display order</th>
              <th scope="col" className="py-2"><span className="sr-only">Save</span></th>
            </tr>
          </thead>
          <tbody>
            {exhibitions.map((exhibition) => {
              const showcase = showcaseOf(exhibition);
              return (
                <tr key={exhibition.id} className="border-b border-line/60" data-testid="staff-exhibition-row">
                  <td className="py-2 pr-3">
                    <Link href={`/staff/exhibitions/${exhibition.slug}`} className="font-semibold text-accent underline-offset-4 hover:underline">
                      {exhibition.title}
                    </Link>
                    <span className="block text-xs text-muted">{exhibition.slug} · {onSale(exhibition)} on sale</span>
                  </td>
                  <td className={`py-2 pr-3 font-semibold capitalize ${STATUS_STYLE[exhibition.status]}`}>{exhibition.status}</td>
                  <td className="py-2 pr-3">
                    <input
                      type="checkbox"
                      className="h-5 w-5 accent-accent"
                      aria-label={`Featured: ${exhibition.title}`}
                      checked={showcase.featured}
                      onChange={(event) => edit(exhibition.slug, { featured: event.target.checked }, showcase)}
                    />
                  </td>
                  <td className="py-2 pr-3">
                    <input
                      type="number"
                      step={1}
                      className="w-20 rounded-lg border border-line bg-white px-2 py-1"
                      aria-label={`Display order: ${exhibition.title}`}
                      value={showcase.displayOrder}
                      onChange={(event) => edit(exhibition.slug, { displayOrder: Math.trunc(Number(event.target.value)) || 0 }, showcase)}
                    />
                  </td>
                  <td className="py-2 text-right">
                    <button
                      type="button"
                      disabled={busy || !changed(exhibition)}
                      onClick={() => save(exhibition)}
                      className="rounded-lg border border-line bg-white px-3 py-1 font-semibold text-ink hover:border-accent disabled:opacity-50"
                    >
                      Save<span className="sr-only"> {exhibition.title}</span>
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <section aria-labelledby="home-order" className="rounded-xl border border-line bg-white p-4">
        <h2 id="home-order" className="font-serif text-xl font-semibold text-ink">Home page order</h2>
        <p className="mt-1 text-sm text-muted">Published exhibitions as visitors will see them, unsaved changes included.</p>
        <ol className="mt-3 list-decimal space-y-1 pl-5 text-sm" data-testid="home-order">
          {preview.map((exhibition) => (
            <li key={exhibition.id}>
              {exhibition.title}
              {exhibition.featured && <span className="ml-1 text-xs font-semibold uppercase text-warn">featured</span>}
            </li>
          ))}
        </ol>
        {preview.length === 0 && <p className="mt-3 text-sm text-muted">Nothing is published yet.</p>}
      </section>
    </div>
  );
}
