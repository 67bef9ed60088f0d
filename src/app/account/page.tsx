import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SignOutButton } from "@/components/account/sign-out-button";
import { pageUser } from "@/server/page-user";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Your account" };

const ROLE_NAMES = { visitor: "Visitor", staff: "Museum staff", admin: "Administrator" } as const;

export default async function AccountPage() {
  const user = await pageUser();
  if (!user) redirect("/sign-in?next=/account");
  return (
    <div className="mx-auto max-w-2xl px-4 py-10">
      <h1 className="font-serif text-4xl font-semibold text-ink">Your account</h1>
      <dl className="mt-6 grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 rounded-xl border border-line bg-white p-5">
        <dt className="text-muted">Name</dt>
        <dd className="font-medium text-ink">{user.name}</dd>
        <dt className="text-muted">Email</dt>
        <dd className="break-all font-medium text-ink">{user.email}</dd>
        <dt className="text-muted">Account</dt>
        <dd className="font-medium text-ink" data-testid="account-role">
          {ROLE_NAMES[user.role]}
        </dd>
      </dl>
      <div className="mt-6 flex flex-wrap items-start gap-3">
        <Link href="/cart" className="rounded-lg bg-accent px-5 py-3 font-semibold text-white hover:bg-accent-dark">
          Your cart
        </Link>
        <SignOutButton />
      </div>
    </div>
  );
}
