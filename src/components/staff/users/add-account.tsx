"use client";

import { useState } from "react";
import type { AddedAccount } from "@/domain/staff/add-staff-account";
import type { StaffAccount } from "@/domain/staff/staff-account";
import { problemMessage, staffApi, type StaffApiProblem } from "../staff-api";
import { ROLE_LABELS } from "./roles";

type Props = { onAdded: (account: StaffAccount) => void; onStatus: (message: string) => void };

/** Adds an account, and shows its temporary password once, with a button that copies it. */
export function AddAccount({ onAdded, onStatus }: Props) {
  const [busy, setBusy] = useState(false);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [added, setAdded] = useState<AddedAccount | undefined>();
  const [copied, setCopied] = useState(false);

  const submit = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    setBusy(true);
    setFields({});
    setCopied(false);
    try {
      const answer = await staffApi<AddedAccount>("/api/staff/users", { method: "POST", body: Object.fromEntries(new FormData(form)) });
      setAdded(answer);
      onAdded(answer.account);
      onStatus(answer.created ? `Added ${answer.account.email}.` : `${answer.account.email} already had an account: it is now ${ROLE_LABELS[answer.account.role]}, and its password is unchanged.`);
      form.reset();
    } catch (error) {
      setFields(((error as StaffApiProblem).details?.fields as Record<string, string> | undefined) ?? {});
      onStatus(problemMessage(error));
    } finally {
      setBusy(false);
    }
  };

  const copy = async () => {
    await navigator.clipboard.writeText(added!.temporaryPassword!).then(
      () => setCopied(true),
      () => onStatus("Copying did not work here: select the password and copy it."),
    );
  };

  const input = "mt-1 rounded-lg border border-line bg-white px-3 py-2 font-normal";
  const error = (name: string) =>
    fields[name] && (
      <span id={`add-${name}-error`} className="mt-1 text-sm font-normal text-sold">
        {fields[name]}
      </span>
    );
  return (
    <section aria-labelledby="add-heading" className="rounded-xl border border-line bg-white p-5">
      <h2 id="add-heading" className="font-serif text-2xl font-semibold text-ink">Add an account</h2>
      <form onSubmit={submit} className="mt-3 flex flex-wrap items-start gap-4">
        <label className="flex flex-col text-sm font-semibold text-ink">
          Name
          <input name="name" required maxLength={100} autoComplete="off" aria-describedby={fields.name ? "add-name-error" : undefined} className={input} />
          {error("name")}
        </label>
        <label className="flex flex-col text-sm font-semibold text-ink">
          E-mail
          <input name="email" type="email" required autoComplete="off" aria-describedby={fields.email ? "add-email-error" : undefined} className={`${input} w-72`} />
          {error("email")}
        </label>
        <label className="flex flex-col text-sm font-semibold text-ink">
          Role
          <select name="role" defaultValue="door" className={input}>
            {(["door", "staff", "admin"] as const).map((role) => (
              <option key={role} value={role}>
                {ROLE_LABELS[role]}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={busy} className="mt-6 rounded-lg bg-accent px-4 py-2 font-semibold text-white hover:bg-accent-dark disabled:opacity-60">
          Add account
        </button>
      </form>
      {added?.temporaryPassword && (
        <div className="mt-4 rounded-lg border border-gold bg-paper p-4" data-testid="temporary-password">
          <p className="font-semibold text-ink">Temporary password for {added.account.email}</p>
          <p className="mt-1 text-sm text-muted">Shown only now: hand it over in person, and ask them to change it after signing in.</p>
          <div className="mt-2 flex flex-wrap items-center gap-3">
            <code className="rounded bg-white px-3 py-2 font-mono text-lg text-ink" data-testid="temporary-password-value">
              {added.temporaryPassword}
            </code>
            <button type="button" onClick={copy} className="rounded-lg border border-line bg-white px-3 py-2 font-semibold text-ink hover:border-accent">
              {copied ? "Copied" : "Copy password"}
            </button>
            <button type="button" onClick={() => setAdded(undefined)} className="rounded-lg border border-line bg-white px-3 py-2 font-semibold text-ink hover:border-accent">
              Done, hide it
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
