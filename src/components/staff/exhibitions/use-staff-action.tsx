"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { problemMessage, type StaffApiProblem } from "../staff-api";

/**
 * Runs one console change at a time: busy while it runs, then what happened for a live region, the
 * API's field complaints, and the page's data read again from the server.
 */
export function useStaffAction() {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; ok: boolean } | undefined>();
  const [fields, setFields] = useState<Record<string, string>>({});

  async function run<T>(work: () => Promise<T>, done: string | ((result: T) => string)): Promise<T | undefined> {
    setBusy(true);
    setMessage(undefined);
    setFields({});
    try {
      const result = await work();
      setMessage({ text: typeof done === "string" ? done : done(result), ok: true });
      router.refresh();
      return result;
    } catch (error) {
      setMessage({ text: problemMessage(error), ok: false });
      setFields(((error as StaffApiProblem).details?.fields as Record<string, string> | undefined) ?? {});
      return undefined;
    } finally {
      setBusy(false);
    }
  }
  return { busy, message, fields, run };
}

/** The outcome of the last change, read out by screen readers as it appears. */
export function ActionMessage({ message }: { message?: { text: string; ok: boolean } }) {
  return (
    <p role="status" aria-live="polite" className={`min-h-6 text-sm ${message?.ok === false ? "text-sold" : "text-ok"}`}>
      {message?.text}
    </p>
  );
}
