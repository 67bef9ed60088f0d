"use client";

import { useEffect, useRef } from "react";

/** An error shown on arrival (a declined payment): it takes the focus, so it is the first thing read. */
export function FocusedAlert({ children, className }: { children: React.ReactNode; className?: string }) {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <p ref={ref} role="alert" tabIndex={-1} className={className}>
      {children}
    </p>
  );
}
