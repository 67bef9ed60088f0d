import type { Metadata } from "next";
import Link from "next/link";
import { CartView } from "@/components/cart/cart-view";
import { CheckoutForm } from "@/components/checkout/checkout-form";
import { config } from "@/server/config";
import { pageUser } from "@/server/page-user";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Checkout" };

const choice = "block rounded-xl border border-line bg-white p-5 no-underline hover:border-accent";

/**
 * The checkout step. A guest first chooses how to go on; signing in or creating an account comes
 * back here with the cart merged and its timers running. Then: the tickets, contact details, "Pay".
 */
export default async function CheckoutPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await pageUser();
  const asGuest = (await searchParams).as === "guest";
  const { venueTimeZone, maxTicketsPerOrder } = config();

  if (!user && !asGuest) {
    const back = encodeURIComponent("/checkout");
    return (
      <div className="mx-auto max-w-2xl px-4 py-10">
        <h1 className="font-serif text-4xl font-semibold text-ink">Checkout</h1>
        <p className="mt-2 text-muted">Your places stay held while you choose. Nothing in your cart is lost either way.</p>
        <ul className="mt-6 grid gap-4 sm:grid-cols-3">
          <li>
            <Link href={`/sign-in?next=${back}`} className={choice}>
              <span className="block text-lg font-semibold text-ink">Sign in</span>
              <span className="mt-1 block text-sm text-muted">Your tickets join your account&rsquo;s cart.</span>
            </Link>
          </li>
          <li>
            <Link href={`/sign-up?next=${back}`} className={choice}>
              <span className="block text-lg font-semibold text-ink">Create account</span>
              <span className="mt-1 block text-sm text-muted">Keep bookings in one place.</span>
            </Link>
          </li>
          <li>
            <Link href="/checkout?as=guest" className={choice}>
              <span className="block text-lg font-semibold text-ink">Continue as guest</span>
              <span className="mt-1 block text-sm text-muted">Tickets are e-mailed to you.</span>
            </Link>
          </li>
        </ul>
      </div>
    );
  }

  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      <h1 className="font-serif text-4xl font-semibold text-ink">Checkout</h1>
      <p className="mt-2 text-muted" data-testid="checkout-who">
        {user ? `Signed in as ${user.name} (${user.email}).` : "Checking out as a guest."}
      </p>
      <CartView timeZone={venueTimeZone} maxPerOrder={maxTicketsPerOrder} />
      <CheckoutForm name={user?.name} email={user?.email} />
    </div>
  );
}
