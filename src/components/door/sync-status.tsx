import type { SyncReport } from "./use-door";

const clock = (iso: string) => new Date(iso).toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit", second: "2-digit", hour12: false });

/** Whether the server is reachable, what waits to be uploaded, and what the last upload came to. */
export function SyncStatus({
  online,
  queued,
  lastSynced,
  report,
  offlineReady,
}: {
  online: boolean;
  queued: number;
  lastSynced: string | undefined;
  report: SyncReport | undefined;
  offlineReady: boolean;
}) {
  return (
    <section aria-label="Sync" className="rounded-xl border border-line bg-white p-4 text-ink">
      <p className="flex flex-wrap gap-x-6 gap-y-1">
        <span data-testid="door-connection" data-online={online}>
          <strong>{online ? "Online" : "Offline"}</strong>
          {!online && ": deciding on this device"}
        </span>
        <span data-testid="door-queued">{queued} waiting to upload</span>
        <span data-testid="door-last-synced">Last synced {lastSynced ? clock(lastSynced) : "never"}</span>
        <span data-testid="door-offline-ready" data-ready={offlineReady}>
          {offlineReady ? "Kept on this device for use offline" : "Not yet kept for use offline"}
        </span>
      </p>
      {report && (
        <div className="mt-2 text-sm" data-testid="door-sync-report">
          <p>
            {report.uploaded} offline scans uploaded at {clock(report.at)}
            {report.conflicts.length === 0 ? "; no conflicts." : `; ${report.conflicts.length} not admitted by the server:`}
          </p>
          {report.conflicts.length > 0 && (
            <ul className="list-disc pl-5">
              {report.conflicts.map((conflict) => (
                <li key={conflict.scanId}>
                  Scan {conflict.scanId.slice(0, 8)}: {conflict.result.replace(/_/g, " ")}
                </li>
              ))}
            </ul>
          )}
          {report.problem && <p className="text-sold">Upload refused: {report.problem}</p>}
        </div>
      )}
    </section>
  );
}
