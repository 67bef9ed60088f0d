import type { Metadata, Viewport } from "next";
import Link from "next/link";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import { CartBadge } from "@/components/cart/cart-badge";
import { CartProvider } from "@/components/cart/cart-provider";
import { FindBookingLink } from "@/components/lookup/find-booking-link";
import { formatZoneName } from "@/components/format";
import { LanguageSwitch } from "@/components/language-switch";
import { VENUE } from "@/domain/venue";
import { config } from "@/server/config";
import { visitorCart } from "@/server/page-cart";
import { roleIncludes } from "@/domain/staff/authorize";
import { clientMessagesFor } from "@/i18n/catalog";
import { pageUser } from "@/server/page-user";
import "./indic-fonts.css";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("meta");
  return {
    title: { default: t("siteTitle", { venue: VENUE.name }), template: t("titleTemplate", { venue: VENUE.shortName }) },
    description: t("siteDescription", { venue: VENUE.name, city: VENUE.city }),
    icons: { icon: "/icon.svg" },
  };
}

export const viewport: Viewport = { themeColor: "#7a2e1d", width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const [cart, user, locale, t] = await Promise.all([visitorCart(), pageUser(), getLocale(), getTranslations("common")]);
  return (
    <html lang={locale}>
      <body className="min-h-screen font-sans antialiased flex flex-col">
        <NextIntlClientProvider locale={locale} messages={clientMessagesFor(locale)} timeZone={config().venueTimeZone}>
        <CartProvider initialCart={cart}>
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:bg-white focus:px-3 focus:py-2 focus:text-ink">
          {t("skipToContent")}
        </a>
        <header className="border-b border-line bg-paper/95">
          <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-4">
            <Link href="/" className="flex items-center gap-3 no-underline">
              {/* eslint-disable-next-line @next/next/no-img-element -- a 1 KB SVG gains nothing from the image optimiser */}
              <img src="/icon.svg" alt="" width={36} height={36} />
              <span className="font-serif text-lg font-semibold leading-tight text-ink sm:text-xl">{VENUE.name}</span>
            </Link>
            <nav aria-label={t("mainNav")}>
              <ul className="flex items-center gap-5 text-sm font-medium">
                <li>
                  <Link href="/exhibitions" className="text-ink underline-offset-4 hover:underline">
                    {t("whatsOn")}
                  </Link>
                </li>
                {user && roleIncludes(user.role, "door") && (
                  <li>
                    <Link href="/staff" className="text-ink underline-offset-4 hover:underline" data-testid="staff-link">
                      {t("staff")}
                    </Link>
                  </li>
                )}
                <li>
                  <Link href={user ? "/account" : "/sign-in"} className="text-ink underline-offset-4 hover:underline" data-testid="account-link">
                    {user ? t("account") : t("signIn")}
                  </Link>
                </li>
                <li>
                  <CartBadge />
                </li>
              </ul>
            </nav>
            <LanguageSwitch />
          </div>
        </header>
        <main id="main" className="flex-1">
          {children}
        </main>
        <footer className="mt-16 border-t border-line bg-white/60">
          <div className="mx-auto flex max-w-6xl flex-col gap-2 px-4 py-8 text-sm text-muted sm:flex-row sm:justify-between">
            <p>{t("openingHours", { venue: VENUE.name, city: VENUE.city })}</p>
            <p>{t("timesInVenueZone", { zone: formatZoneName(config().venueTimeZone) })}</p>
            <FindBookingLink />
          </div>
        </footer>
        </CartProvider>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
