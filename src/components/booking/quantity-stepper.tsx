"use client";

import { useTranslations } from "next-intl";

/** − n + with buttons named for what they change, so a screen reader says "Add one Adult". */
export function QuantityStepper({ label, value, canLower, canRaise, onChange, describedBy }: { label: string; value: number; canLower: boolean; canRaise: boolean; onChange: (value: number) => void; describedBy?: string }) {
  const t = useTranslations("booking");
  const button = "flex h-9 w-9 items-center justify-center rounded-lg border border-line bg-white text-lg font-semibold text-ink hover:border-accent disabled:opacity-40 disabled:hover:border-line";
  return (
    <div className="flex items-center gap-2">
      <button type="button" className={button} onClick={() => onChange(value - 1)} disabled={!canLower} aria-label={t("removeOne", { type: label })}>
        −
      </button>
      <output className="w-6 text-center font-semibold tabular-nums text-ink" aria-live="polite" aria-label={t("quantity", { type: label, count: value })}>
        {value}
      </output>
      <button type="button" className={button} onClick={() => onChange(value + 1)} disabled={!canRaise} aria-label={t("addOne", { type: label })} aria-describedby={canRaise ? undefined : describedBy}>
        +
      </button>
    </div>
  );
}
