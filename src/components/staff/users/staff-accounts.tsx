"use client";

import { useState } from "react";
import type { StaffAccount } from "@/domain/staff/staff-account";
import { problemMessage, staffApi } from "../staff-api";
import { TableHead } from "../table-head";
import { AccountRow } from "./account-row";
import { AddAccount } from "./add-account";

type Page = { accounts: StaffAccount[]; nextCursor: string | null };

/** The accounts list with its search, the form that adds one, and one status line for what happened. */
export function StaffAccounts({ first, selfId }: { first: Page; selfId: string }) {
  const [accounts, setAccounts] = useState(first.accounts);
  const [nextCursor, setNextCursor] = useState(first.nextCursor);
  const [found, setFound] = useState<StaffAccount[] | undefined>();
  const [query, setQuery] = useState("");
  const [status, setStatus] = useState("");

  const replace = (account: StaffAccount) => {
    const swap = (list: StaffAccount[]) => list.map((each) => (each.id === account.id ? account : each));
    setAccounts((list) => (list.some((each) => each.id === account.id) ? swap(list) : [...list, account].sort((a, b) => a.email.localeCompare(b.email))));
    setFound((list) => list && swap(list));
  };
  const report = (message: string) => setStatus(message);

  const search = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!query.trim()) return setFound(undefined);
    try {
      const answer = await staffApi<Page>(`/api/staff/users?q=${encodeURIComponent(query.trim())}`);
      setFound(answer.accounts);
      report(`${answer.accounts.length === 0 ? "No" : answer.accounts.length} account${answer.accounts.length === 1 ? "" : "s"} found.`);
    } catch (error) {
      report(problemMessage(error));
    }
  };

  const more = async () => {
    try {
      const answer = await staffApi<Page>(`/api/staff/users?cursor=${encodeURIComponent(nextCursor!)}`);
      setAccounts((list) => [...list, ...answer.accounts]);
      setNextCursor(answer.nextCursor);
    } catch (error) {
      report(problemMessage(error));
    }
  };

  const table = (list: StaffAccount[], caption: string, testId: string) => (
    <table className="mt-3 w-full border-collapse text-sm" data-testid={testId}>
      <TableHead caption={caption} columns={["Name", "E-mail", "Role", "Status", "Access"]} />
      <tbody>
        {list.map((account) => (
          <AccountRow key={account.id} account={account} self={account.id === selfId} onChanged={replace} onStatus={report} />
        ))}
      </tbody>
    </table>
  );

  return (
    <div className="mt-6 space-y-10">
      <p role="status" aria-live="polite" className="min-h-6 text-sm font-medium text-ink" data-testid="accounts-status">
        {status}
      </p>
      <AddAccount onAdded={replace} onStatus={report} />
      <section aria-labelledby="accounts-heading">
        <h2 id="accounts-heading" className="font-serif text-2xl font-semibold text-ink">Accounts with console access</h2>
        {accounts.length === 0 ? <p className="mt-2 text-muted">None yet.</p> : table(accounts, "Accounts with console access", "staff-accounts")}
        {nextCursor && (
          <button type="button" onClick={more} className="mt-3 rounded-lg border border-line bg-white px-4 py-2 font-semibold text-ink hover:border-accent">
            Show more accounts
          </button>
        )}
      </section>
      <section aria-labelledby="find-heading">
        <h2 id="find-heading" className="font-serif text-2xl font-semibold text-ink">Find any account</h2>
        <form onSubmit={search} className="mt-3 flex flex-wrap items-end gap-3">
          <label className="flex flex-col text-sm font-semibold text-ink">
            E-mail starts with
            <input type="search" value={query} onChange={(event) => setQuery(event.target.value)} className="mt-1 w-72 rounded-lg border border-line bg-white px-3 py-2 font-normal" />
          </label>
          <button type="submit" className="rounded-lg bg-accent px-4 py-2 font-semibold text-white hover:bg-accent-dark">
            Find
          </button>
        </form>
        {found && found.length > 0 && table(found, "Accounts found", "found-accounts")}
      </section>
    </div>
  );
}
