"use client";

const BUTTON = "flex h-11 w-11 items-center justify-center rounded-lg border border-line bg-white text-xl font-semibold text-ink hover:border-accent disabled:opacity-40 disabled:hover:border-line";

/**
 * − n + sized for a finger on a tablet, with the count typeable too: a school group of 60 is
 * typed, not tapped. Never below 0 or above `max`.
 */
export function CountStepper({ label, value, max, onChange }: { label: string; value: number; max: number; onChange: (value: number) => void }) {
  const set = (next: number) => onChange(Math.max(0, Math.min(max, Number.isFinite(next) ? Math.trunc(next) : 0)));
  return (
    <div className="flex items-center gap-2">
      <button type="button" className={BUTTON} onClick={() => set(value - 1)} disabled={value <= 0} aria-label={`Remove one ${label}`}>
        −
      </button>
      <input
        className="h-11 w-16 rounded-lg border border-line bg-white text-center font-semibold tabular-nums text-ink"
        inputMode="numeric"
        aria-label={`${label} tickets`}
        value={value}
        onChange={(event) => set(Number(event.target.value.replace(/\D/g, "") || 0))}
        onFocus={(event) => event.target.select()}
      />
      <button type="button" className={BUTTON} onClick={() => set(value + 1)} disabled={value >= max} aria-label={`Add one ${label}`}>
        +
      </button>
    </div>
  );
}
