import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { LinkAction } from "@/components/waitlist/link-action";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("waitlist");
  return { title: t("leaveTitle"), robots: { index: false }, referrer: "same-origin" };
}

/** The leave link of every waiting-list e-mail. It says nothing of the entry it names: the link is all anyone has. */
export default async function LeavePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations("waitlist");
  return (
    <div className="mx-auto max-w-xl px-4 py-8">
      <h1 className="font-serif text-3xl font-semibold leading-tight text-ink">{t("leaveHeading")}</h1>
      <p className="mt-4 leading-relaxed text-muted">{t("leaveText")}</p>
      <LinkAction action="leave" token={token} />
    </div>
  );
}
