import type { ReactNode } from "react";

/** A report's panel: heading, its chart, a "Download CSV" link to the same figures, and the figures as a table. */
export function ReportSection({ id, title, csvHref, children, table }: { id: string; title: string; csvHref: string; children: ReactNode; table: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-title`} className="mt-8 rounded-xl border border-line bg-white p-5" data-testid={`report-${id}`}>
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h2 id={`${id}-title`} className="font-serif text-xl font-semibold text-ink">
          {title}
        </h2>
        <a href={csvHref} download className="text-sm font-semibold text-accent underline-offset-4 hover:underline">
          Download CSV<span className="sr-only"> of {title.toLowerCase()}</span>
        </a>
      </div>
      {children}
      <details className="mt-3 text-sm">
        <summary className="cursor-pointer font-semibold text-ink">Figures as a table</summary>
        <div className="mt-2 overflow-x-auto">{table}</div>
      </details>
    </section>
  );
}

/** A big figure with its label, for the funnel's headline numbers. */
export function BigFigure({ label, value, note }: { label: string; value: string; note?: string }) {
  return (
    <div className="rounded-lg border border-line bg-paper px-4 py-3">
      <dt className="text-sm text-muted">{label}</dt>
      <dd className="font-serif text-3xl font-semibold text-ink">{value}</dd>
      {note && <dd className="text-xs text-muted">{note}</dd>}
    </div>
  );
}
