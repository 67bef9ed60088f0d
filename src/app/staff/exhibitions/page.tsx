import Link from "next/link";
import { ShowcaseBoard } from "@/components/staff/exhibitions/showcase-board";
import { StaffRefusal } from "@/components/staff/staff-refusal";
import { listStaffExhibitions } from "@/domain/catalog-admin/list-staff-exhibitions";
import { staffPage } from "@/server/page-staff";

export const dynamic = "force-dynamic";
export const metadata = { title: "Exhibitions" };

/** Admin: every exhibition with its status, and the home page's showcase, edited in place. */
export default async function StaffExhibitionsPage() {
  const page = await staffPage("admin", "/staff/exhibitions");
  if ("refused" in page) return <StaffRefusal {...page} />;
  const exhibitions = await listStaffExhibitions({ ctx: page.ctx });
  return (
    <div>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="font-serif text-3xl font-semibold text-ink">Exhibitions</h1>
        <Link href="/staff/exhibitions/new" className="rounded-lg bg-accent px-4 py-2 font-semibold text-white hover:bg-accent-dark">
          New exhibition
        </Link>
      </div>
      <p className="mt-1 text-muted">Drafts are seen only here. Archive an exhibition to take it off the site: its orders and tickets stay as they are.</p>
      <ShowcaseBoard exhibitions={exhibitions} />
    </div>
  );
}
