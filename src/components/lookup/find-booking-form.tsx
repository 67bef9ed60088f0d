"use client";

import { useTranslations } from "next-intl";
import { useId, useRef, useState } from "react";

type Outcome = { kind: "sent"; email: string } | { kind: "invalidEmail" | "tooMany" | "failed" };

/**
 * "Find my booking": asks the server to mail the links to an address's orders. The answer is the
 * same whether the address has bookings, so the page says what happens in either case.
 */
export function FindBookingForm() {
  const t = useTranslations("lookup");
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | undefined>();
  const message = useRef<HTMLParagraphElement>(null);

  const show = (next: Outcome) => {
    setOutcome(next);
    setBusy(false);
    // The answer replaces nothing the visitor was reading: it is announced and focused where it appears.
    requestAnimationFrame(() => message.current?.focus());
  };

  const submit = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget).get("email") ?? "").trim();
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) return show({ kind: "invalidEmail" });
    setBusy(true);
    try {
      const response = await fetch("/api/orders/lookup", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email }) });
      if (response.status === 202) return show({ kind: "sent", email });
      show({ kind: response.status === 429 ? "tooMany" : response.status === 400 ? "invalidEmail" : "failed" });
    } catch {
      show({ kind: "failed" });
    }
  };

  const problem = outcome && outcome.kind !== "sent";
  return (
    <form onSubmit={submit} noValidate className="mt-6 space-y-5">
      {outcome && (
        <p
          ref={message}
          tabIndex={-1}
          id={`${id}-outcome`}
          role={problem ? "alert" : "status"}
          data-testid="lookup-outcome"
          className={problem ? "rounded-lg border border-sold/30 bg-sold/5 px-3 py-2 text-sm text-sold" : "rounded-lg border border-line bg-white px-3 py-2 text-ink"}
        >
          {outcome.kind === "sent" ? t("sent", { email: outcome.email }) : t(outcome.kind)}
        </p>
      )}
      <div>
        <label htmlFor={`${id}-email`} className="block text-sm font-semibold text-ink">
          {t("emailLabel")}
        </label>
        <input
          id={`${id}-email`}
          name="email"
          type="email"
          autoComplete="email"
          required
          aria-invalid={outcome?.kind === "invalidEmail" ? true : undefined}
          aria-describedby={problem ? `${id}-outcome` : undefined}
          className="mt-1 block w-full rounded-lg border border-line bg-white px-3 py-2 text-base text-ink focus:border-accent"
        />
      </div>
      <button type="submit" disabled={busy} className="w-full rounded-lg bg-accent px-5 py-3 font-semibold text-white hover:bg-accent-dark disabled:opacity-50 sm:w-auto">
        {busy ? t("sending") : t("submit")}
      </button>
    </form>
  );
}
