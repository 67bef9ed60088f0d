"use client";

import { useState } from "react";
import type { Role } from "@/domain/context";
import type { StaffAccount } from "@/domain/staff/staff-account";
import { problemMessage, staffApi } from "../staff-api";
import { ROLE_LABELS, ROLES } from "./roles";

type Props = { account: StaffAccount; self: boolean; onChanged: (account: StaffAccount) => void; onStatus: (message: string) => void };

/** One account: its role (changed at once), and disabling or enabling it after a confirmation. */
export function AccountRow({ account, self, onChanged, onStatus }: Props) {
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);

  const change = async (change: { role?: Role; disabled?: boolean }, done: string) => {
    setBusy(true);
    try {
      const answer = await staffApi<{ account: StaffAccount }>(`/api/staff/users/${encodeURIComponent(account.id)}`, { method: "PATCH", body: change });
      onChanged(answer.account);
      onStatus(done);
    } catch (error) {
      onStatus(problemMessage(error));
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  };

  const roleLabel = `Role of ${account.email}`;
  return (
    <tr className="border-b border-line/60 align-middle" data-testid="account-row" data-email={account.email}>
      <td className="py-2 pr-3">
        {account.name}
        {self && <span className="ml-1 text-muted">(you)</span>}
      </td>
      <td className="break-all py-2 pr-3">{account.email}</td>
      <td className="py-2 pr-3">
        <select
          aria-label={roleLabel}
          value={account.role}
          disabled={busy || self}
          onChange={(event) => change({ role: event.target.value as Role }, `${account.email} is now ${ROLE_LABELS[event.target.value as Role]}.`)}
          className="rounded-lg border border-line bg-white px-2 py-1"
        >
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {ROLE_LABELS[role]}
            </option>
          ))}
        </select>
      </td>
      <td className="py-2 pr-3">{account.disabled ? <span className="font-semibold text-sold">Disabled</span> : <span className="text-ok">Active</span>}</td>
      <td className="py-2">
        {self ? (
          <span className="text-muted">Your own account</span>
        ) : account.disabled ? (
          <button type="button" disabled={busy} onClick={() => change({ disabled: false }, `${account.email} can sign in again.`)} className="rounded-lg border border-line bg-white px-3 py-1 font-semibold text-ink hover:border-accent">
            Enable {account.email}
          </button>
        ) : confirming ? (
          <span className="flex flex-wrap items-center gap-2">
            <span>Sign them out and disable?</span>
            <button type="button" disabled={busy} onClick={() => change({ disabled: true }, `${account.email} is disabled and signed out.`)} className="rounded-lg bg-sold px-3 py-1 font-semibold text-white">
              Yes, disable
            </button>
            <button type="button" onClick={() => setConfirming(false)} className="rounded-lg border border-line bg-white px-3 py-1 font-semibold text-ink">
              Cancel
            </button>
          </span>
        ) : (
          <button type="button" disabled={busy} onClick={() => setConfirming(true)} className="rounded-lg border border-line bg-white px-3 py-1 font-semibold text-ink hover:border-accent">
            Disable {account.email}
          </button>
        )}
      </td>
    </tr>
  );
}
