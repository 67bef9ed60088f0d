import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SignOutButton } from "@/components/account/sign-out-button";
import { formatMoney } from "@/components/format";
import { ordersOfUser } from "@/domain/checkout/order-view";
import { db } from "@/server/database";
import { pageUser } from "@/server/page-user";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Your account" };

const BOOKING_STATUS = { pending_payment: "Waiting for payment", paid: "Paid", expired: "Expired", cancelled: "Cancelled", refunded: "Refunded" } as const;
const ROLE_NAMES = { visitor: "Visitor", door: "Door staff", staff: "Museum staff", admin: "Administrator" } as const;

export default async function AccountPage() {
  const user = await pageUser();
  if (!user) redirect("/sign-in?next=/account");
  const bookings = await ordersOfUser(db(), user.id);
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
      <h2 className="mt-10 font-serif text-2xl font-semibold text-ink">My bookings</h2>
      {bookings.length === 0 ? (
        <p className="mt-3 text-muted">No bookings yet.</p>
      ) : (
        <ul className="mt-3 divide-y divide-line rounded-xl border border-line bg-white" data-testid="bookings">
          {bookings.map((order) => (
            <li key={order.id} className="flex flex-wrap items-center justify-between gap-3 p-4">
              <Link href={`/orders/${order.id}`} className="font-semibold text-accent underline-offset-4 hover:underline">
                Order {order.number}
              </Link>
              <span className="text-sm text-muted">
                {order.items.map((item) => item.exhibition.title).filter((title, index, all) => all.indexOf(title) === index).join(", ")}
              </span>
              <span className="text-sm text-ink">{BOOKING_STATUS[order.status]}</span>
              <span className="font-semibold tabular-nums text-ink">{formatMoney(order.total)}</span>
            </li>
          ))}
        </ul>
      )}
      <div className="mt-6 flex flex-wrap items-start gap-3">
        <Link href="/cart" className="rounded-lg bg-accent px-5 py-3 font-semibold text-white hover:bg-accent-dark">
          Your cart
        </Link>
        <SignOutButton />
      </div>
    </div>
  );
}
