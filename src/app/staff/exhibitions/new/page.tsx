import Link from "next/link";
import { ExhibitionForm } from "@/components/staff/exhibitions/exhibition-form";
import { StaffRefusal } from "@/components/staff/staff-refusal";
import { staffPage } from "@/server/page-staff";

export const dynamic = "force-dynamic";
export const metadata = { title: "New exhibition" };

/** Admin: a new exhibition, created as a draft; ticket types and publishing come next, on its own page. */
export default async function NewExhibitionPage() {
  const page = await staffPage("admin", "/staff/exhibitions/new");
  if ("refused" in page) return <StaffRefusal {...page} />;
  return (
    <div className="max-w-3xl">
      <Link href="/staff/exhibitions" className="text-sm text-accent underline-offset-4 hover:underline">← Exhibitions</Link>
      <h1 className="mt-2 font-serif text-3xl font-semibold text-ink">New exhibition</h1>
      <p className="mt-1 mb-6 text-muted">It starts as a draft, seen only in the console. Add ticket types, then publish it.</p>
      <ExhibitionForm />
    </div>
  );
}
