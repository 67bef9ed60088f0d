import { formatTime } from "../format";
import type { ScanResult } from "./scan-result";

const LOOKS: Record<ScanResult["tone"], string> = {
  admitted: "bg-ok text-white",
  refused: "bg-sold text-white",
  warning: "bg-amber-200 text-ink border-4 border-warn",
};
const MARKS: Record<ScanResult["tone"], string> = { admitted: "✓", refused: "✕", warning: "!" };

/** The last scan's outcome, large, in colour and in words; read out at once by screen readers. */
export function ResultPanel({ result, zone }: { result: ScanResult | undefined; zone: string }) {
  return (
    <div aria-live="assertive" aria-atomic="true" data-testid="scan-result" data-tone={result?.tone ?? "none"} className={`min-h-48 rounded-2xl p-6 ${result ? LOOKS[result.tone] : "border-2 border-dashed border-line bg-white text-muted"}`}>
      {result ? (
        <>
          <p className="font-serif text-5xl font-bold">
            <span aria-hidden="true">{MARKS[result.tone]} </span>
            {result.headline}
          </p>
          {result.detail && <p className="mt-3 text-xl">{result.detail}</p>}
          {result.ticket && (
            <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-lg">
              <dt className="font-semibold">Ticket</dt>
              <dd>{result.ticket.type}</dd>
              <dt className="font-semibold">For</dt>
              <dd>
                {result.ticket.exhibition}, {formatTime(result.ticket.startsAt, zone)}
              </dd>
              <dt className="font-semibold">Order</dt>
              <dd>
                {result.ticket.order}
                {result.ticket.name && ` · ${result.ticket.name}`}
              </dd>
            </dl>
          )}
          {result.offline && <p className="mt-3 text-sm font-semibold">Decided on this device (offline).</p>}
        </>
      ) : (
        <p className="text-xl">Ready: scan a ticket&rsquo;s QR code or type its code.</p>
      )}
    </div>
  );
}
