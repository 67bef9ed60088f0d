"use client";

import { useRef, useState } from "react";

/**
 * Where a handheld (USB or Bluetooth) scanner types a QR code's text and presses Enter, and where a
 * code is typed by hand. It keeps the focus, so the next scan lands here too.
 */
export function WedgeInput({ onScan }: { onScan: (text: string) => Promise<void> }) {
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState("");
  return (
    <form
      aria-label="Scan or type a ticket"
      className="flex flex-wrap items-end gap-3 rounded-xl border border-line bg-white p-4"
      onSubmit={async (event) => {
        event.preventDefault();
        const scanned = text;
        setText("");
        input.current?.focus();
        await onScan(scanned);
        input.current?.focus();
      }}
    >
      <label className="flex min-w-0 flex-1 flex-col text-sm font-semibold text-ink">
        Ticket code or scanner
        <input
          ref={input}
          value={text}
          onChange={(event) => setText(event.target.value)}
          // The door's only job: a handheld scanner types here without anyone clicking first
          autoFocus
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          placeholder="ABCD-EFGH-JKMN-PQRS"
          className="mt-1 rounded-lg border border-line bg-white px-3 py-3 font-mono text-lg font-normal"
        />
      </label>
      <button type="submit" className="rounded-lg bg-accent px-4 py-3 font-semibold text-white hover:bg-accent-dark">
        Check
      </button>
    </form>
  );
}
