"use client";

import { useEffect, useRef, type KeyboardEvent, type ReactNode } from "react";

const STEP: Record<string, (index: number, last: number) => number> = {
  ArrowRight: (index, last) => Math.min(index + 1, last),
  ArrowLeft: (index) => Math.max(index - 1, 0),
  Home: () => 0,
  End: (_, last) => last,
};

/**
 * The day strip's list: one Tab stop (the link the server marked tabIndex 0), the arrow keys, Home
 * and End move focus along it, and the chosen day is scrolled into view, sideways only.
 */
export function DayStrip({ children, labelledBy, describedBy, className, testId }: { children: ReactNode; labelledBy: string; describedBy: string; className: string; testId: string }) {
  const list = useRef<HTMLUListElement>(null);
  const links = () => [...(list.current?.querySelectorAll<HTMLAnchorElement>("a[data-day]") ?? [])];

  useEffect(() => {
    const strip = list.current;
    const chosen = strip?.querySelector<HTMLAnchorElement>('a[aria-current="date"]');
    if (strip && chosen) strip.scrollLeft = chosen.offsetLeft - (strip.clientWidth - chosen.offsetWidth) / 2;
  });

  const move = (event: KeyboardEvent<HTMLUListElement>) => {
    const step = STEP[event.key];
    const all = links();
    const index = all.findIndex((link) => link === document.activeElement);
    if (!step || index < 0) return;
    event.preventDefault();
    const next = all[step(index, all.length - 1)]!;
    for (const link of all) link.tabIndex = link === next ? 0 : -1;
    next.focus();
    next.scrollIntoView({ block: "nearest", inline: "nearest" });
  };

  return (
    <ul ref={list} aria-labelledby={labelledBy} aria-describedby={describedBy} className={className} data-testid={testId} onKeyDown={move}>
      {children}
    </ul>
  );
}
