import Link from "next/link";
import { notFound } from "next/navigation";
import { ExhibitionForm } from "@/components/staff/exhibitions/exhibition-form";
import { StatusActions } from "@/components/staff/exhibitions/status-actions";
import { TicketTypesEditor } from "@/components/staff/exhibitions/ticket-types-editor";
import { StaffRefusal } from "@/components/staff/staff-refusal";
import { getStaffExhibition } from "@/domain/catalog-admin/list-staff-exhibitions";
import { isDomainError } from "@/domain/errors";
import { staffPage } from "@/server/page-staff";

export const dynamic = "force-dynamic";
export const metadata = { title: "Exhibition" };

/** Admin: one exhibition's details, status, image and ticket types, with a way to its schedule. */
export default async function StaffExhibitionPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const page = await staffPage("admin", `/staff/exhibitions/${slug}`);
  if ("refused" in page) return <StaffRefusal {...page} />;
  const exhibition = await getStaffExhibition({ ctx: page.ctx, input: { slug } }).catch((error: unknown) => {
    if (isDomainError(error) && error.code === "not_found") notFound();
    throw error;
  });
  return (
    <div className="space-y-6">
      <div>
        <Link href="/staff/exhibitions" className="text-sm text-accent underline-offset-4 hover:underline">← Exhibitions</Link>
        <h1 className="mt-2 font-serif text-3xl font-semibold text-ink">{exhibition.title}</h1>
        <p className="mt-1 text-muted">
          {exhibition.status === "published" ? (
            <Link href={`/exhibitions/${exhibition.slug}`} className="text-accent underline underline-offset-4">See it as visitors do</Link>
          ) : (
            "Visitors cannot see it while it is not published."
          )}
          {" · "}
          <Link href={`/staff/exhibitions/${exhibition.slug}/schedule`} className="text-accent underline underline-offset-4">Schedule and slots</Link>
        </p>
      </div>
      <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
        <ExhibitionForm key={exhibition.updatedAt} exhibition={exhibition} />
        <StatusActions exhibition={exhibition} />
      </div>
      <TicketTypesEditor exhibition={exhibition} currency={page.ctx.settings.currency} />
    </div>
  );
}
