import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { CartView } from "@/components/cart/cart-view";
import { CheckoutLink } from "@/components/cart/checkout-link";
import { PendingOrders } from "@/components/cart/pending-orders";
import { config } from "@/server/config";
import { visitorPendingOrders } from "@/server/page-pending-orders";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("cart"))("title") };
}

export default async function CartPage() {
  const [pending, t] = await Promise.all([visitorPendingOrders(), getTranslations("cart")]);
  const { venueTimeZone, maxTicketsPerOrder } = config();
  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      <h1 className="font-serif text-4xl font-semibold text-ink">{t("title")}</h1>
      <PendingOrders orders={pending} />
      <CartView timeZone={venueTimeZone} maxPerOrder={maxTicketsPerOrder} />
      <CheckoutLink />
    </div>
  );
}
