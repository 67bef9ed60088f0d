"use client";

import { useTranslations } from "next-intl";
import { useId, useRef, useState } from "react";
import { waitlistRequest } from "./waitlist-request";

type Props = { path: string; maxTickets: number; ticketTypes: { id: string; name: string }[] };

/** E-mail, how many, which ticket (when there is a choice); after joining, what happens next. */
export function JoinForm({ path, maxTickets, ticketTypes }: Props) {
  const t = useTranslations("waitlist");
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [joined, setJoined] = useState<string | undefined>();
  const status = useRef<HTMLDivElement>(null);

  const submit = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "");
    setBusy(true);
    setError(undefined);
    const result = await waitlistRequest(path, { email, quantity: Number(form.get("quantity")), ...(form.get("ticketTypeId") && { ticketTypeId: form.get("ticketTypeId") }) }, { network: t("networkError"), generic: t("genericError") });
    setBusy(false);
    if (result.ok) setJoined(email.trim());
    else setError(result.fields ? Object.entries(result.fields).map(([field, problem]) => `${t(field === "quantity" ? "quantity" : "email")}: ${problem}`).join(" ") : result.message);
    requestAnimationFrame(() => status.current?.focus());
  };

  if (joined) {
    return (
      <div ref={status} tabIndex={-1} role="status" className="mt-6 rounded-xl border border-ok/30 bg-ok/5 p-5">
        <h2 className="font-serif text-2xl font-semibold text-ink">{t("joinedHeading")}</h2>
        <p className="mt-2 text-ink">{t("joinedText", { email: joined })}</p>
      </div>
    );
  }
  return (
    <form onSubmit={submit} className="mt-6 space-y-5 rounded-xl border border-line bg-white p-5">
      {error && (
        <div ref={status} tabIndex={-1} role="alert" className="rounded-lg border border-sold/30 bg-sold/5 px-3 py-2 text-sm text-sold">
          {error}
        </div>
      )}
      <div>
        <label htmlFor={`${id}-email`} className="block text-sm font-semibold text-ink">
          {t("email")}
        </label>
        <input id={`${id}-email`} name="email" type="email" autoComplete="email" inputMode="email" required aria-describedby={`${id}-email-hint`} className="mt-1 block w-full rounded-lg border border-line bg-white px-3 py-2 text-base text-ink focus:border-accent" />
        <p id={`${id}-email-hint`} className="mt-1 text-sm text-muted">
          {t("emailHint")}
        </p>
      </div>
      <div className="flex flex-wrap gap-4">
        <div>
          <label htmlFor={`${id}-quantity`} className="block text-sm font-semibold text-ink">
            {t("quantity")}
          </label>
          <select id={`${id}-quantity`} name="quantity" defaultValue="2" className="mt-1 block min-h-11 w-28 rounded-lg border border-line bg-white px-3 py-2 text-base text-ink">
            {Array.from({ length: maxTickets }, (_, index) => index + 1).map((count) => (
              <option key={count} value={count}>
                {count}
              </option>
            ))}
          </select>
        </div>
        {ticketTypes.length > 1 && (
          <div className="min-w-0 flex-1">
            <label htmlFor={`${id}-type`} className="block text-sm font-semibold text-ink">
              {t("ticketType")}
            </label>
            <select id={`${id}-type`} name="ticketTypeId" className="mt-1 block min-h-11 w-full rounded-lg border border-line bg-white px-3 py-2 text-base text-ink">
              {ticketTypes.map((type) => (
                <option key={type.id} value={type.id}>
                  {type.name}
                </option>
              ))}
            </select>
          </div>
        )}
      </div>
      <button type="submit" disabled={busy} className="w-full rounded-lg bg-accent px-5 py-3 text-lg font-semibold text-white hover:bg-accent-dark disabled:opacity-50">
        {busy ? t("sending") : t("submit")}
      </button>
    </form>
  );
}
