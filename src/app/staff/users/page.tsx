import type { Metadata } from "next";
import { StaffAccounts } from "@/components/staff/users/staff-accounts";
import { StaffRefusal } from "@/components/staff/staff-refusal";
import { listStaffAccounts } from "@/domain/staff/list-staff-accounts";
import { staffPage } from "@/server/page-staff";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Staff accounts" };

/** Admin: who may use the console, with which role; add, change, disable. */
export default async function StaffUsersPage() {
  const page = await staffPage("admin", "/staff/users");
  if ("refused" in page) return <StaffRefusal {...page} />;
  const first = await listStaffAccounts({ ctx: page.ctx, input: {} });
  return (
    <div>
      <h1 className="font-serif text-3xl font-semibold text-ink">Staff accounts</h1>
      <p className="mt-1 text-muted">Door staff check tickets in; staff also run the service desk; administrators also run the catalogue and these accounts.</p>
      <StaffAccounts first={first} selfId={page.actor.userId} />
    </div>
  );
}
