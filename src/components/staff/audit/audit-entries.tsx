import Link from "next/link";
import { formatWhen } from "@/components/format";
import type { AuditLogEntry } from "@/domain/staff/read-audit-log";
import { TableHead } from "../table-head";
import { entityLabel, fieldDiff } from "./field-diff";

/** The log's entries as a table: when, who, what, on which entity, and the fields it changed. */
export function AuditEntries({ entries, timeZone }: { entries: AuditLogEntry[]; timeZone: string }) {
  return (
    <table className="mt-6 w-full border-collapse text-sm" data-testid="audit-entries">
      <TableHead caption="Audit log entries, newest first" columns={["When", "Who", "What", "On", "Before → after"]} />
      <tbody>
        {entries.map((entry) => {
          const label = entityLabel(entry.before, entry.after);
          return (
            <tr key={entry.id} className="border-b border-line/60 align-top" data-testid="audit-entry">
              <td className="py-2 pr-3 whitespace-nowrap">{formatWhen(entry.at, timeZone)}</td>
              <td className="break-all py-2 pr-3">{entry.actor.email}</td>
              <td className="py-2 pr-3 font-mono">{entry.action}</td>
              <td className="py-2 pr-3">
                <Link href={`/staff/audit?${new URLSearchParams({ entityType: entry.entityType, entityId: entry.entityId })}`} className="text-accent underline-offset-4 hover:underline">
                  {entry.entityType} {label ?? entry.entityId.slice(0, 8)}
                </Link>
              </td>
              <td className="py-2">
                <ul className="space-y-1">
                  {fieldDiff(entry.before, entry.after).map((change) => (
                    <li key={change.field}>
                      <span className="font-semibold">{change.field}</span>: <span className="break-all text-muted">{change.before}</span> → <span className="break-all text-ink">{change.after}</span>
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
