import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { config } from "@/server/config";
import { pageUser } from "@/server/page-user";
import { AuthForm } from "./auth-form";
import { safeNext } from "./safe-next";

type Props = { mode: "sign-in" | "sign-up"; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The sign-in or sign-up page; a visitor who is already signed in goes straight on. */
export async function AuthPage({ mode, searchParams }: Props) {
  const next = safeNext((await searchParams).next);
  if (await pageUser()) redirect(next);
  const t = await getTranslations("auth");
  return (
    <div className="mx-auto max-w-md px-4 py-10">
      <h1 className="font-serif text-4xl font-semibold text-ink">{mode === "sign-in" ? t("signInHeading") : t("signUpHeading")}</h1>
      <p className="mt-2 text-muted">
        {mode === "sign-in" ? t("signInIntro") : t("signUpIntro")}
      </p>
      <AuthForm mode={mode} next={next} timeZone={config().venueTimeZone} />
    </div>
  );
}
