import type { Metadata } from "next";
import { ExhibitionGrid } from "@/components/exhibition-card";
import { listExhibitions } from "@/domain/catalog/list-exhibitions";
import { requestContext } from "@/server/request-context";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "What’s on" };

export default async function ExhibitionsPage() {
  const exhibitions = await listExhibitions({ ctx: requestContext() });
  return (
    <div className="mx-auto max-w-6xl px-4 py-10">
      <h1 className="font-serif text-4xl font-semibold text-ink">What&rsquo;s on</h1>
      <p className="mt-3 max-w-2xl text-muted">Exhibitions and planetarium shows you can book now. Every ticket is for a time; arrive within your slot.</p>
      <ExhibitionGrid exhibitions={exhibitions} headingLevel={2} />
    </div>
  );
}
