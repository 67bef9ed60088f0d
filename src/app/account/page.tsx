import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { SignOutButton } from "@/components/account/sign-out-button";
import { formatMoney, formatWhen } from "@/components/format";
import { ordersOfUser, type Order } from "@/domain/checkout/order-view";
import type { Locale } from "@/i18n/locales";
import { db } from "@/server/database";
import { pageUser } from "@/server/page-user";
import { config } from "@/server/config";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("bookings"))("title") };
}

/** An order's visits (a time and an exhibition each), in time order: its items already are. */
const visitsOf = (order: Order) => order.items.filter((item, index, all) => all.findIndex((other) => other.slotId === item.slotId) === index);

export default async function AccountPage() {
  const user = await pageUser();
  if (!user) redirect("/sign-in?next=/account");
  const [t, locale] = await Promise.all([getTranslations("bookings"), getLocale() as Promise<Locale>]);
  const timeZone = config().venueTimeZone;
  // The latest visit first: what a visitor looks for is the booking they are about to use.
  const bookings = (await ordersOfUser(db(), user.id)).sort((a, b) => (visitsOf(b)[0]?.startsAt ?? "").localeCompare(visitsOf(a)[0]?.startsAt ?? ""));
  return (
    <div className="mx-auto max-w-2xl px-4 py-10">
      <h1 className="font-serif text-4xl font-semibold text-ink">{t("title")}</h1>
      <dl className="mt-6 grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 rounded-xl border border-line bg-white p-5">
        <dt className="text-muted">{t("name")}</dt>
        <dd className="font-medium text-ink">{user.name}</dd>
        <dt className="text-muted">{t("email")}</dt>
        <dd className="break-all font-medium text-ink">{user.email}</dd>
        <dt className="text-muted">{t("account")}</dt>
        <dd className="font-medium text-ink" data-testid="account-role">
          {t(`roles.${user.role}`)}
        </dd>
      </dl>
      <h2 className="mt-10 font-serif text-2xl font-semibold text-ink">{t("myBookings")}</h2>
      {bookings.length === 0 ? (
        <p className="mt-3 text-muted">{t("none")}</p>
      ) : (
        <ul className="mt-3 divide-y divide-line rounded-xl border border-line bg-white" data-testid="bookings">
          {bookings.map((order) => (
            <li key={order.id} className="space-y-1 p-4" data-testid="booking">
              <ul>
                {visitsOf(order).map((visit) => (
                  <li key={visit.slotId} className="text-ink">
                    <span className="font-semibold">{formatWhen(visit.startsAt, timeZone, locale)}</span> · {visit.exhibition.title}
                  </li>
                ))}
              </ul>
              <p className="flex flex-wrap items-center justify-between gap-3 text-sm">
                <Link href={`/orders/${order.id}`} className="font-semibold text-accent underline-offset-4 hover:underline">
                  {t("order", { number: order.number })}
                </Link>
                <span className="text-ink">{t("tickets", { count: order.items.reduce((sum, item) => sum + item.quantity, 0) })}</span>
                <span className="text-ink">{t(`status.${order.status}`)}</span>
                <span className="font-semibold tabular-nums text-ink">{formatMoney(order.total, locale)}</span>
              </p>
            </li>
          ))}
        </ul>
      )}
      <div className="mt-6 flex flex-wrap items-start gap-3">
        <Link href="/cart" className="rounded-lg bg-accent px-5 py-3 font-semibold text-white hover:bg-accent-dark">
          {t("yourCart")}
        </Link>
        <SignOutButton />
      </div>
    </div>
  );
}
