"use client";

import { useEffect, useState } from "react";

const ANNOUNCE_AT_SECONDS = [300, 120, 60];
const WARN_AT_SECONDS = 120;

const mmss = (seconds: number) => `${String(Math.floor(seconds / 60)).padStart(2, "0")}:${String(seconds % 60).padStart(2, "0")}`;

/**
 * The time left on the cart's holds, mm:ss, shown every second but announced to screen readers
 * only at 5, 2 and 1 minutes and at the end.
 */
export function HoldCountdown({ expiresAt }: { expiresAt: string }) {
  const secondsLeft = () => Math.max(0, Math.ceil((Date.parse(expiresAt) - Date.now()) / 1000));
  const [left, setLeft] = useState(secondsLeft);
  const [announcement, setAnnouncement] = useState("");

  useEffect(() => {
    const tick = () => {
      const now = secondsLeft();
      setLeft(now);
      if (now === 0) setAnnouncement("Your hold has run out. Press Hold again to try to keep your tickets.");
      else if (ANNOUNCE_AT_SECONDS.includes(now)) setAnnouncement(`${now / 60} ${now === 60 ? "minute" : "minutes"} left to check out before your places are released.`);
    };
    tick();
    const timer = setInterval(tick, 1000);
    return () => clearInterval(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- secondsLeft only reads expiresAt
  }, [expiresAt]);

  const warning = left <= WARN_AT_SECONDS;
  return (
    <div className={`rounded-lg border px-4 py-3 ${warning ? "border-warn/40 bg-warn/5" : "border-line bg-white"}`} data-testid="hold-countdown">
      <p className={`text-sm ${warning ? "font-semibold text-warn" : "text-muted"}`}>
        Your places are held for <span className="font-mono text-base font-semibold tabular-nums text-ink" data-testid="countdown">{mmss(left)}</span>
        {warning && left > 0 && " — check out soon or they will be released."}
      </p>
      <p className="sr-only" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}
