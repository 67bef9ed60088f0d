import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { isDomainError } from "@/domain/errors";
import { OrderSummary } from "@/components/checkout/order-summary";
import { formatWhen } from "@/components/format";
import { localeOf, visitsOf } from "@/server/visit-info";
import { config } from "@/server/config";
import { orderAccessKey, orderForRequest, payPath } from "@/server/order-access";
import { requestContext } from "@/server/request-context";
import { withQrCodes } from "@/server/tickets/ticket-qr";
import { VisitDetails } from "./visit-details";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("order");
  return { title: t("title") };
}

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** An order with every ticket's QR code and the visit's information, for the buyer (signed in) or the holder of its link. */
export default async function OrderPage({ params, searchParams }: Props) {
  const { id } = await params;
  const key = (await searchParams).key;
  const ctx = requestContext();
  const order = await orderForRequest(ctx, await headers(), id, typeof key === "string" ? key : undefined)
    .then(async (found) => (await withQrCodes(ctx.db, [found]))[0]!)
    .catch((error: unknown) => {
      if (isDomainError(error) && error.code === "not_found") notFound();
      throw error;
    });
  const [t, locale] = await Promise.all([getTranslations("order"), getLocale().then(localeOf)]);
  const zone = config().venueTimeZone;
  const accessKey = orderAccessKey(order.id);
  // A void ticket (refunded, or moved and replaced by a new code) admits nobody: its QR code would only be shown at the door in vain.
  const admitting = order.tickets.filter((ticket) => ticket.status !== "void");

  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      <p className="text-sm font-semibold uppercase tracking-widest text-accent">{t("number", { number: order.number })}</p>
      <h1 className="mt-2 font-serif text-4xl font-semibold text-ink">{order.status === "paid" ? t("headingPaid") : t("heading")}</h1>
      <p className="mt-3 text-lg text-ink" data-testid="order-status" data-status={order.status}>
        {t(`status.${order.status}`)}
      </p>
      {order.status === "pending_payment" && (
        <Link href={payPath(config().paymentProvider, order.id)} className="mt-4 inline-block rounded-lg bg-accent px-5 py-3 font-semibold text-white hover:bg-accent-dark">
          {t("goToPayment")}
        </Link>
      )}
      {order.status === "paid" && (
        <>
          <p className="mt-2 text-muted">
            {/* A walk-up sold at the counter may have given no address. */}
            {order.email && `${t("sentTo", { email: order.email })} `}
            {t("showAtDoor")}
          </p>
          <a href={`/api/orders/${order.id}/tickets.pdf?key=${accessKey}`} className="mt-4 inline-block rounded-lg bg-accent px-5 py-3 font-semibold text-white hover:bg-accent-dark" download>
            {t("downloadPdf")}
          </a>
          <ul className="mt-8 grid gap-6 sm:grid-cols-2">
            {admitting.map((ticket, index) => (
              <li key={ticket.id} className="rounded-xl border border-line bg-white p-5" data-testid="ticket">
                <p className="text-sm text-muted">{t("ticketOf", { index: index + 1, count: admitting.length })}</p>
                <h2 className="font-serif text-xl font-semibold text-ink">{ticket.exhibition.title}</h2>
                <p className="text-ink" data-testid="ticket-when">
                  {formatWhen(ticket.startsAt, zone, locale)}
                </p>
                <p className="text-ink" data-testid="ticket-type">
                  {ticket.ticketType.name}
                </p>
                {/* eslint-disable-next-line @next/next/no-img-element -- an inline SVG data URL, nothing to optimise */}
                <img src={ticket.qrUrl} alt={t("qrAlt", { code: ticket.code })} width={220} height={220} className="mx-auto mt-4" />
                <p className="mt-2 text-center font-mono text-lg tracking-wider text-ink" data-testid="ticket-code">
                  {ticket.code}
                </p>
              </li>
            ))}
          </ul>
          {admitting.length > 0 && <VisitDetails visits={visitsOf(admitting)} locale={locale} calendarUrl={`/api/orders/${order.id}/calendar.ics?key=${accessKey}`} />}
        </>
      )}
      <h2 className="mt-10 font-serif text-2xl font-semibold text-ink">{t("summary")}</h2>
      <OrderSummary order={order} timeZone={zone} className="mt-3" />
    </div>
  );
}
