import type { Metadata } from "next";
import Link from "next/link";
import { AuditEntries } from "@/components/staff/audit/audit-entries";
import { StaffRefusal } from "@/components/staff/staff-refusal";
import { isDomainError } from "@/domain/errors";
import { readAuditLog } from "@/domain/staff/read-audit-log";
import { staffPage } from "@/server/page-staff";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Audit log" };

type Search = { cursor?: string; entityType?: string; entityId?: string };
const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) || undefined;

/** Admin: every change made in the console, newest first, older pages by link, filtered by entity. */
export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const page = await staffPage("admin", "/staff/audit");
  if ("refused" in page) return <StaffRefusal {...page} />;
  const params = await searchParams;
  const filter: Search = { entityType: one(params.entityType), entityId: one(params.entityId) };
  const log = await readAuditLog({ ctx: page.ctx, input: { ...filter, cursor: one(params.cursor) } }).catch((error: unknown) => {
    if (isDomainError(error) && error.code === "invalid_request") return undefined;
    throw error;
  });
  const older = log?.nextCursor && `/staff/audit?${new URLSearchParams({ ...Object.fromEntries(Object.entries(filter).filter(([, value]) => value)), cursor: log.nextCursor })}`;
  const input = "mt-1 rounded-lg border border-line bg-white px-3 py-2 font-normal";

  return (
    <div>
      <h1 className="font-serif text-3xl font-semibold text-ink">Audit log</h1>
      <p className="mt-1 text-muted">Every change made in the console: who, when, and each field before → after. Newest first.</p>
      <form method="get" action="/staff/audit" className="mt-6 flex flex-wrap items-end gap-4" aria-label="Filter the log">
        <label className="flex flex-col text-sm font-semibold text-ink">
          Entity type
          <input name="entityType" defaultValue={filter.entityType} placeholder="user, exhibition, slot…" className={input} />
        </label>
        <label className="flex flex-col text-sm font-semibold text-ink">
          Entity id
          <input name="entityId" defaultValue={filter.entityId} className={`${input} w-80`} />
        </label>
        <button type="submit" className="rounded-lg bg-accent px-4 py-2 font-semibold text-white hover:bg-accent-dark">
          Filter
        </button>
        {(filter.entityType || filter.entityId) && (
          <Link href="/staff/audit" className="py-2 font-semibold text-accent underline-offset-4 hover:underline">
            Show everything
          </Link>
        )}
      </form>
      {!log ? (
        <p className="mt-6 text-ink" role="alert">
          That page of the log does not exist (an entity id needs an entity type too). <Link href="/staff/audit" className="font-semibold text-accent underline">Back to the newest entries</Link>
        </p>
      ) : log.entries.length === 0 ? (
        <p className="mt-6 text-muted">No entries.</p>
      ) : (
        <AuditEntries entries={log.entries} timeZone={page.ctx.settings.venueTimeZone} />
      )}
      <nav aria-label="Pages of the log" className="mt-6 flex gap-4">
        {one(params.cursor) && (
          <Link href={`/staff/audit?${new URLSearchParams(Object.fromEntries(Object.entries(filter).filter(([, value]) => value) as [string, string][]))}`} className="font-semibold text-accent underline-offset-4 hover:underline">
            Newest entries
          </Link>
        )}
        {older && (
          <Link href={older} className="font-semibold text-accent underline-offset-4 hover:underline" data-testid="audit-older">
            Older entries
          </Link>
        )}
      </nav>
    </div>
  );
}
