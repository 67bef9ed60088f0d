import { useLocale, useTranslations } from "next-intl";
import { venueDateOf } from "@/domain/calendar/venue-time";
import type { RefusedLine } from "@/domain/cart/merge-carts";
import { formatDay, formatTime } from "../format";

/** The tickets from the guest cart that did not fit into the account's cart, and why. */
export function RefusedLines({ lines, timeZone }: { lines: RefusedLine[]; timeZone: string }) {
  const t = useTranslations("auth");
  const locale = useLocale();
  return (
    <div role="status" className="rounded-xl border border-warn/40 bg-warn/5 p-5" data-testid="refused-lines">
      <h2 className="font-semibold text-warn">{t("refusedHeading")}</h2>
      <ul className="mt-3 space-y-1 text-sm text-ink">
        {lines.map((line) => (
          <li key={`${line.slotId}-${line.ticketTypeId}-${line.reason}`}>
            {t("refusedLine", {
              quantity: line.quantity,
              ticketType: line.ticketType.name,
              exhibition: line.exhibition.title,
              day: formatDay(venueDateOf(new Date(line.startsAt), timeZone), undefined, locale),
              time: formatTime(line.startsAt, timeZone),
              why: t(`why.${line.reason}`),
            })}
          </li>
        ))}
      </ul>
    </div>
  );
}
