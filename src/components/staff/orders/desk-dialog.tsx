"use client";

import { useEffect, useRef, useState, type ReactNode } from "react";
import { BUTTON } from "../slots/slot-row";
import { problemMessage } from "../staff-api";

type Props = { name: string; title: string; about: string; submit: string; keep: string; tone: "danger" | "plain"; ready: boolean; act: () => Promise<void>; onClose: () => void; children: ReactNode };

/**
 * A desk action in a native modal <dialog> (focus stays inside, Escape closes): its fields, the
 * refusal the API gave if any, and the action, closed once it succeeded.
 */
export function DeskDialog({ name, title, about, submit, keep, tone, ready, act, onClose, children }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  useEffect(() => dialog.current?.showModal(), []);

  async function run() {
    setBusy(true);
    setProblem(undefined);
    try {
      await act();
      dialog.current?.close();
    } catch (error) {
      setProblem(problemMessage(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <dialog ref={dialog} aria-labelledby={`${name}-title`} onClose={onClose} className="m-auto w-full max-w-lg rounded-xl border border-line bg-paper p-6 text-ink backdrop:bg-ink/40">
      <h2 id={`${name}-title`} className="font-serif text-2xl font-semibold">{title}</h2>
      <form
        className="mt-4 space-y-4"
        onSubmit={(event) => {
          event.preventDefault();
          void run();
        }}
      >
        <p className="text-sm text-muted">{about}</p>
        {children}
        {problem && <p role="alert" className="rounded-lg border border-sold/30 bg-sold/5 px-3 py-2 text-sm text-sold">{problem}</p>}
        <div className="flex justify-end gap-2">
          <button type="button" className={BUTTON} onClick={() => dialog.current?.close()}>{keep}</button>
          <button type="submit" className={`rounded-lg px-4 py-2 text-sm font-semibold text-white disabled:opacity-50 ${tone === "danger" ? "bg-sold" : "bg-accent"}`} disabled={busy || !ready}>
            {submit}
          </button>
        </div>
      </form>
    </dialog>
  );
}
