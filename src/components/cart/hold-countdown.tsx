"use client";

import { useTranslations } from "next-intl";
import { mmss, useSecondsLeft } from "./use-seconds-left";

const ANNOUNCE_AT_SECONDS = [60, 120, 300];
const WARN_AT_SECONDS = 120;

/**
 * The time left on the cart's holds, mm:ss, shown every second but announced to screen readers
 * only at 5, 2 and 1 minutes and at the end (the announcement changes only when a mark is passed).
 */
export function HoldCountdown({ expiresAt }: { expiresAt: string }) {
  const t = useTranslations("cart");
  const left = useSecondsLeft(expiresAt);
  const mark = left === undefined ? undefined : left === 0 ? 0 : ANNOUNCE_AT_SECONDS.find((seconds) => left <= seconds);
  const announcement = mark === undefined ? "" : mark === 0 ? t("holdRanOut") : t("minutesLeft", { minutes: mark / 60 });
  const warning = left !== undefined && left <= WARN_AT_SECONDS;
  return (
    <div className={`rounded-lg border px-4 py-3 ${warning ? "border-warn/40 bg-[#fbf1e4]" : "border-line bg-white"}`} data-testid="hold-countdown">
      <p className={`text-sm ${warning ? "font-semibold text-warn" : "text-muted"}`}>
        {t.rich("heldFor", {
          time: mmss(left),
          clock: (chunks) => (
            <span className="font-mono text-base font-semibold tabular-nums text-ink" data-testid="countdown">
              {chunks}
            </span>
          ),
        })}
        {warning && left > 0 && t("checkOutSoon")}
      </p>
      <p className="sr-only" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}
