import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { FindBookingForm } from "@/components/lookup/find-booking-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("lookup");
  return { title: t("title") };
}

/** A guest's way back to their orders: the links are e-mailed to the address they booked with. */
export default async function FindBookingPage() {
  const t = await getTranslations("lookup");
  return (
    <div className="mx-auto max-w-xl px-4 py-10">
      <h1 className="font-serif text-4xl font-semibold text-ink">{t("title")}</h1>
      <p className="mt-3 text-lg text-ink">{t("intro")}</p>
      <FindBookingForm />
      <p className="mt-8 text-sm text-muted">
        <Link href="/account" className="text-ink underline underline-offset-4">
          {t("account")}
        </Link>
      </p>
    </div>
  );
}
