"use client";

import Link from "next/link";
import { useId, useState } from "react";
import type { RefusedLine } from "@/domain/cart/merge-carts";
import { TextField, type FieldSpec } from "../form/text-field";
import { RefusedLines } from "./refused-lines";

const FIELDS: Record<"sign-in" | "sign-up", FieldSpec[]> = {
  "sign-in": [
    { name: "email", label: "Email", type: "email", autoComplete: "email" },
    { name: "password", label: "Password", type: "password", autoComplete: "current-password" },
  ],
  "sign-up": [
    { name: "name", label: "Your name", type: "text", autoComplete: "name" },
    { name: "email", label: "Email", type: "email", autoComplete: "email" },
    { name: "password", label: "Password", type: "password", autoComplete: "new-password", hint: "At least 10 characters." },
  ],
};

type Refusal = { error?: { message: string; fields?: Record<string, string> }; refused?: RefusedLine[] };

/**
 * Sign-in and sign-up. The answer that signs the visitor in has already merged their guest cart,
 * so on success the page simply goes on to `next`, unless some tickets did not fit: those are
 * shown first.
 */
export function AuthForm({ mode, next, timeZone }: { mode: "sign-in" | "sign-up"; next: string; timeZone: string }) {
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [refused, setRefused] = useState<RefusedLine[] | undefined>();

  const submit = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    setFieldErrors({});
    const body = Object.fromEntries(new FormData(event.currentTarget));
    try {
      const response = await fetch(`/api/auth/${mode}/email`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
      const payload = (await response.json().catch(() => ({}))) as Refusal;
      if (!response.ok) {
        setError(payload.error?.message ?? "Something went wrong; please try again.");
        setFieldErrors(payload.error?.fields ?? {});
        return setBusy(false);
      }
      if (payload.refused?.length) return setRefused(payload.refused);
      // A full load: the layout and the cart come from the server again, now for the signed-in visitor.
      window.location.assign(next);
    } catch {
      setError("We could not reach the server. Check your connection and try again.");
      setBusy(false);
    }
  };

  if (refused) {
    return (
      <div className="mt-6 space-y-4">
        <RefusedLines lines={refused} timeZone={timeZone} />
        <a href={next} className="inline-block rounded-lg bg-accent px-5 py-3 font-semibold text-white hover:bg-accent-dark">
          Continue
        </a>
      </div>
    );
  }

  const other = mode === "sign-in" ? { href: "/sign-up", text: "New here?", action: "Create an account" } : { href: "/sign-in", text: "Already have an account?", action: "Sign in" };
  return (
    <form onSubmit={submit} noValidate className="mt-6 space-y-5" aria-describedby={error ? `${id}-error` : undefined}>
      {error && (
        <p id={`${id}-error`} role="alert" className="rounded-lg border border-sold/30 bg-sold/5 px-3 py-2 text-sm text-sold">
          {error}
        </p>
      )}
      {FIELDS[mode].map((field) => (
        <TextField key={field.name} field={field} formId={id} problem={fieldErrors[field.name]} />
      ))}
      <button type="submit" disabled={busy} className="w-full rounded-lg bg-accent px-5 py-3 font-semibold text-white hover:bg-accent-dark disabled:opacity-50">
        {mode === "sign-in" ? "Sign in" : "Create account"}
      </button>
      <p className="text-sm text-muted">
        {other.text}{" "}
        <Link href={`${other.href}?next=${encodeURIComponent(next)}`} className="font-semibold text-accent underline-offset-4 hover:underline">
          {other.action}
        </Link>
      </p>
    </form>
  );
}
