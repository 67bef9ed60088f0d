import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** The footer's way back for a guest who lost their confirmation e-mail. */
export async function FindBookingLink() {
  const t = await getTranslations("lookup");
  return (
    <p>
      <Link href="/find-booking" className="text-ink underline underline-offset-4" data-testid="find-booking-link">
        {t("footerLink")}
      </Link>
    </p>
  );
}
