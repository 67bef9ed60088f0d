"use client";

import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useId, useState } from "react";
import type { RefusedLine } from "@/domain/cart/merge-carts";
import { TextField, type FieldSpec } from "../form/text-field";
import { RefusedLines } from "./refused-lines";

// The server's limits on a new password (src/server/auth/auth.ts), as the form states them.
const PASSWORD = { min: 10, max: 128 };

function fieldsOf(mode: "sign-in" | "sign-up", t: ReturnType<typeof useTranslations<"auth">>): FieldSpec[] {
  const email = { name: "email", label: t("email"), type: "email", autoComplete: "email" };
  if (mode === "sign-in") return [email, { name: "password", label: t("password"), type: "password", autoComplete: "current-password" }];
  return [
    { name: "name", label: t("name"), type: "text", autoComplete: "name" },
    email,
    { name: "password", label: t("password"), type: "password", autoComplete: "new-password", hint: t("passwordHint", { min: PASSWORD.min }) },
  ];
}

type Refusal = { error?: { message: string; fields?: Record<string, string> }; refused?: RefusedLine[] };

/**
 * Sign-in and sign-up. The answer that signs the visitor in has already merged their guest cart,
 * so on success the page simply goes on to `next`, unless some tickets did not fit: those are
 * shown first.
 */
export function AuthForm({ mode, next, timeZone }: { mode: "sign-in" | "sign-up"; next: string; timeZone: string }) {
  const id = useId();
  const t = useTranslations("auth");
  const locale = useLocale();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [refused, setRefused] = useState<RefusedLine[] | undefined>();

  // The API names a field's problem in English; other languages say the field's usual one.
  const problemOf = (name: string) => {
    if (name === "password") return mode === "sign-up" ? t("problems.newPassword", PASSWORD) : t("problems.password");
    return name === "name" ? t("problems.name") : t("problems.email");
  };
  const translatedProblems = (fields: Record<string, string>) => Object.fromEntries(Object.keys(fields).map((name) => [name, problemOf(name)]));

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
        setError(payload.error?.message ?? t("failed"));
        setFieldErrors(locale === "en" ? (payload.error?.fields ?? {}) : translatedProblems(payload.error?.fields ?? {}));
        return setBusy(false);
      }
      if (payload.refused?.length) return setRefused(payload.refused);
      // A full load: the layout and the cart come from the server again, now for the signed-in visitor.
      window.location.assign(next);
    } catch {
      setError(t("offline"));
      setBusy(false);
    }
  };

  if (refused) {
    return (
      <div className="mt-6 space-y-4">
        <RefusedLines lines={refused} timeZone={timeZone} />
        <a href={next} className="inline-block rounded-lg bg-accent px-5 py-3 font-semibold text-white hover:bg-accent-dark">
          {t("continue")}
        </a>
      </div>
    );
  }

  const other = mode === "sign-in" ? { href: "/sign-up", text: t("newHere"), action: t("createAccount") } : { href: "/sign-in", text: t("haveAccount"), action: t("signInLink") };
  return (
    <form onSubmit={submit} noValidate className="mt-6 space-y-5" aria-describedby={error ? `${id}-error` : undefined}>
      {error && (
        <p id={`${id}-error`} role="alert" className="rounded-lg border border-sold/30 bg-sold/5 px-3 py-2 text-sm text-sold">
          {error}
        </p>
      )}
      {fieldsOf(mode, t).map((field) => (
        <TextField key={field.name} field={field} formId={id} problem={fieldErrors[field.name]} />
      ))}
      <button type="submit" disabled={busy} className="w-full rounded-lg bg-accent px-5 py-3 font-semibold text-white hover:bg-accent-dark disabled:opacity-50">
        {mode === "sign-in" ? t("signInButton") : t("signUpButton")}
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
