"use client";

import { useEffect, useState } from "react";

/**
 * Seconds until `deadline`, ticking every second; undefined until the page has mounted. A clock read
 * while rendering differs between the server's HTML and the browser's first render on a slow phone
 * (React error #418 and a full re-render), so nothing time-dependent is rendered before mount.
 */
export function useSecondsLeft(deadline: string): number | undefined {
  const [left, setLeft] = useState<number>();
  useEffect(() => {
    const tick = () => setLeft(Math.max(0, Math.ceil((Date.parse(deadline) - Date.now()) / 1000)));
    tick();
    const timer = setInterval(tick, 1000);
    return () => clearInterval(timer);
  }, [deadline]);
  return left;
}

/** mm:ss, or a placeholder of the same width before mount. */
export const mmss = (seconds: number | undefined) => (seconds === undefined ? "--:--" : `${String(Math.floor(seconds / 60)).padStart(2, "0")}:${String(seconds % 60).padStart(2, "0")}`);
