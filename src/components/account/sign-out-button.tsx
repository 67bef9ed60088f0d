"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { forgetDoorDevice } from "../door/door-worker";

export function SignOutButton() {
  const t = useTranslations("auth");
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const signOut = async () => {
    setBusy(true);
    setFailed(false);
    const response = await fetch("/api/auth/sign-out", { method: "POST" }).catch(() => undefined);
    if (response?.ok) {
      await forgetDoorDevice().catch(() => undefined);
      // A full load, so that no state of the signed-in visitor (their cart above all) survives in the page.
      // eslint-disable-next-line @next/next/no-location-assign-relative-destination
      return window.location.assign("/");
    }
    setFailed(true);
    setBusy(false);
  };
  return (
    <div>
      <button type="button" onClick={signOut} disabled={busy} className="rounded-lg border border-line bg-white px-5 py-3 font-semibold text-ink hover:border-accent disabled:opacity-50">
        {t("signOut")}
      </button>
      {failed && (
        <p role="alert" className="mt-2 text-sm text-sold">
          {t("signOutFailed")}
        </p>
      )}
    </div>
  );
}
