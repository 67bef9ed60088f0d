"use client";

import { useTranslations } from "next-intl";

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  const t = useTranslations("common");
  return (
    <div className="mx-auto max-w-2xl px-4 py-20 text-center">
      <h1 className="font-serif text-4xl font-semibold text-ink">{t("errorHeading")}</h1>
      <p className="mt-4 text-muted">{t("errorBody")}</p>
      <button type="button" onClick={reset} className="mt-8 rounded-lg bg-accent px-5 py-3 font-semibold text-white hover:bg-accent-dark">
        {t("tryAgain")}
      </button>
    </div>
  );
}
