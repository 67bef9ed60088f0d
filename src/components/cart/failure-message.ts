import type { useTranslations } from "next-intl";
import { isCartRequestError } from "./api";

/** What to tell the visitor when a cart request failed: the server's own words when it gave any. */
export function failureMessage(caught: unknown, t: ReturnType<typeof useTranslations<"cart">>): string {
  if (!isCartRequestError(caught) || caught.code === "internal") return t("failed");
  if (caught.code === "network") return t("offline");
  return caught.message;
}
