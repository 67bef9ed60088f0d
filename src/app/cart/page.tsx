import type { Metadata } from "next";
import { CartView } from "@/components/cart/cart-view";
import { CheckoutLink } from "@/components/cart/checkout-link";
import { config } from "@/server/config";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Your cart" };

export default function CartPage() {
  const { venueTimeZone, maxTicketsPerOrder } = config();
  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      <h1 className="font-serif text-4xl font-semibold text-ink">Your cart</h1>
      <CartView timeZone={venueTimeZone} maxPerOrder={maxTicketsPerOrder} />
      <CheckoutLink />
    </div>
  );
}
