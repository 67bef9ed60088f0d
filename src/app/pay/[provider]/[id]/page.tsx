import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { clockTime } from "@/domain/calendar/venue-time";
import { loadOrder } from "@/domain/checkout/order-view";
import { recordPaymentStarted } from "@/domain/funnel/payment-started";
import { formatMoney } from "@/components/format";
import { FocusedAlert } from "@/components/checkout/focused-alert";
import { OrderSummary } from "@/components/checkout/order-summary";
import { RazorpayButton } from "@/components/checkout/razorpay-button";
import { config } from "@/server/config";
import { db } from "@/server/database";
import { isOrderAccessKey, orderPath, payPath } from "@/server/order-access";
import { paymentProvider } from "@/server/payments/payment-provider";
import { paymentSession } from "@/server/payments/payment-session";
import { requestContext } from "@/server/request-context";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pay"))("title") };
}

type Props = { params: Promise<{ provider: string; id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

// What a provider's answer, sent back here as ?result=, tells the buyer.
const RESULTS = ["declined", "refund"] as const;
const isResult = (value: unknown): value is (typeof RESULTS)[number] => RESULTS.includes(value as (typeof RESULTS)[number]);

/** Our page between checkout and the provider: the test provider's buttons, Razorpay's checkout, or a redirect to Stripe. */
export default async function PayPage({ params, searchParams }: Props) {
  const { provider, id } = await params;
  const query = await searchParams;
  const key = typeof query.key === "string" ? query.key : undefined;
  if (provider !== paymentProvider().name || !isOrderAccessKey(id, key)) notFound();
  const order = await loadOrder(db(), id);
  if (!order) notFound();
  if (order.status === "paid") redirect(orderPath(id));
  const { venueTimeZone, publicUrl } = config();
  const [t, locale] = await Promise.all([getTranslations("pay"), getLocale()]);
  const result = isResult(query.result) ? t(query.result) : undefined;

  if (order.status !== "pending_payment") {
    return (
      <div className="mx-auto max-w-xl px-4 py-10">
        <h1 className="font-serif text-3xl font-semibold text-ink">{t("orderHeading", { number: order.number })}</h1>
        <p className="mt-4 rounded-lg border border-warn/40 bg-warn/5 px-4 py-3 text-warn" role="status">
          {order.status === "refunded" ? t("refund") : t("expired")}
        </p>
        <Link href="/exhibitions" className="mt-6 inline-block rounded-lg bg-accent px-5 py-3 font-semibold text-white hover:bg-accent-dark">
          {t("bookAgain")}
        </Link>
      </div>
    );
  }

  const urls = { success: `${publicUrl}${orderPath(id)}`, cancel: `${publicUrl}${payPath(provider, id)}&result=declined` };
  const started = provider === "test" ? undefined : await paymentSession({ db: db(), provider: paymentProvider(), orderId: id, urls });
  // No longer waiting for payment (paid or expired since the page was asked for): the order says which.
  if (provider !== "test" && !started) redirect(orderPath(id));
  await recordPaymentStarted({ ctx: requestContext(), input: { orderId: id } });
  if (started && "redirectUrl" in started) redirect(started.redirectUrl);

  return (
    <div className="mx-auto max-w-xl px-4 py-10">
      <p className="text-sm font-semibold uppercase tracking-widest text-accent">{provider === "test" ? t("kickerTest") : t("kicker")}</p>
      <h1 className="mt-2 font-serif text-3xl font-semibold text-ink">{t("heading", { number: order.number })}</h1>
      {result && (
        <FocusedAlert className="mt-4 rounded-lg border border-sold/30 bg-sold/5 px-4 py-3 text-sold">{result}</FocusedAlert>
      )}
      <OrderSummary order={order} timeZone={venueTimeZone} className="mt-6" />
      <p className="mt-3 text-sm text-muted">{t("heldUntil", { time: clockTime(new Date(order.expiresAt), venueTimeZone) })}</p>
      {provider === "test" ? (
        <>
          <p className="mt-6 text-sm text-muted">{t("testNote")}</p>
          <div className="mt-3 flex flex-wrap gap-3">
            {(["pay", "decline"] as const).map((outcome) => (
              <form key={outcome} method="post" action={`/pay/test/${id}/complete`}>
                <input type="hidden" name="key" value={key} />
                <input type="hidden" name="outcome" value={outcome} />
                <button type="submit" className={outcome === "pay" ? "rounded-lg bg-accent px-6 py-3 font-semibold text-white hover:bg-accent-dark" : "rounded-lg border border-line bg-white px-6 py-3 font-semibold text-ink hover:border-accent"}>
                  {outcome === "pay" ? t("pay", { amount: formatMoney(order.total, locale) }) : t("decline")}
                </button>
              </form>
            ))}
          </div>
        </>
      ) : (
        started && "checkout" in started && <RazorpayButton options={started.checkout} orderUrl={orderPath(id)} label={t("pay", { amount: formatMoney(order.total, locale) })} />
      )}
    </div>
  );
}
