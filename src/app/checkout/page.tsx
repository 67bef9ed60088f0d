import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PendingOrders } from "@/components/cart/pending-orders";
import { CheckoutForm } from "@/components/checkout/checkout-form";
import { CheckoutSummary } from "@/components/checkout/checkout-summary";
import { config } from "@/server/config";
import { visitorPendingOrders } from "@/server/page-pending-orders";
import { pageUser } from "@/server/page-user";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("checkout"))("title") };
}

/**
 * The checkout step, one short page: a guest goes straight to the form (signing in is a link that
 * comes back here with the cart merged), under a compact summary of the cart and its countdown, and
 * any order left unpaid with the way back to paying it.
 */
export default async function CheckoutPage() {
  const [user, pending, t] = await Promise.all([pageUser(), visitorPendingOrders(), getTranslations("checkout")]);
  return (
    <div className="mx-auto max-w-3xl px-4 py-6 sm:py-10">
      <h1 className="font-serif text-3xl font-semibold text-ink sm:text-4xl">{t("title")}</h1>
      <p className="mt-1 text-sm text-muted" data-testid="checkout-who">
        {user
          ? t("signedInAs", { name: user.name, email: user.email })
          : t.rich("haveAccount", {
              link: (chunks) => (
                <Link href={`/sign-in?next=${encodeURIComponent("/checkout")}`} className="font-semibold text-accent underline underline-offset-4">
                  {chunks}
                </Link>
              ),
            })}
        {!user && ` ${t("guest")}`}
      </p>
      <PendingOrders orders={pending} />
      <CheckoutSummary timeZone={config().venueTimeZone} />
      <CheckoutForm name={user?.name} email={user?.email} />
    </div>
  );
}
