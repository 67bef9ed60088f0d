import { formatDay, formatTime } from "@/components/format";
import { venueDateOf } from "@/domain/calendar/venue-time";
import { entryWindow } from "@/domain/checkin/entry-window";
import { DEFAULT_LOCALE, isLocale, type Locale } from "@/i18n/locales";
import { translatorFor } from "@/i18n/translator";
import { config } from "./config";

export type VisitInfo = { address: string; mapUrl: string; bring: string; accessibility: string };

/** A stored order's language, or English for a value this version does not know. */
export const localeOf = (value: string): Locale => (isLocale(value) ? value : DEFAULT_LOCALE);

/**
 * The museum's visit information in a language: VISIT_INFO_FILE's texts where it has them (its
 * English where it lacks the language), the demo museum's translated defaults otherwise. The map
 * link defaults to a search for the English address.
 */
export function visitInfoFor(locale: Locale): VisitInfo {
  const own = config().visitInfo;
  const t = translatorFor(locale, "visit");
  const english = translatorFor("en", "visit");
  const pick = (field: "address" | "bring" | "accessibility") => {
    const texts = own[field];
    return texts ? (texts[locale] ?? texts.en) : t(field);
  };
  const address = own.address?.en ?? english("address");
  return { address: pick("address"), mapUrl: own.mapUrl ?? `https://www.openstreetmap.org/search?query=${encodeURIComponent(address)}`, bring: pick("bring"), accessibility: pick("accessibility") };
}

/** One slot an order's tickets admit to. */
export type Visit = { slotId: string; title: string; startsAt: string; endsAt: string };

/** The visits of an order's tickets that admit, one per slot, by time. */
export function visitsOf(tickets: readonly { status: string; slotId: string; startsAt: string; endsAt: string; exhibition: { title: string } }[]): Visit[] {
  const bySlot = new Map<string, Visit>();
  for (const ticket of tickets) {
    if (ticket.status === "void" || bySlot.has(ticket.slotId)) continue;
    bySlot.set(ticket.slotId, { slotId: ticket.slotId, title: ticket.exhibition.title, startsAt: ticket.startsAt, endsAt: ticket.endsAt });
  }
  return [...bySlot.values()].sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.title.localeCompare(b.title));
}

/** When the door admits a visit's tickets (CHECKIN_OPENS_MINUTES_BEFORE, CHECKIN_CLOSES_MINUTES_AFTER), as the door itself decides it. */
export const entryWindowOf = (visit: Visit) => entryWindow({ startsAt: new Date(visit.startsAt), endsAt: new Date(visit.endsAt) }, config());

/** "Planetarium, Sunday, 22 November 2026 at 11:00: entry from 10:30 to 12:00." in the language given. */
export function entryWindowText(visit: Visit, locale: Locale): string {
  const zone = config().venueTimeZone;
  const { opensAt, closesAt } = entryWindowOf(visit);
  return translatorFor(locale, "visit")("entryWindow", {
    title: visit.title,
    day: formatDay(venueDateOf(new Date(visit.startsAt), zone), "long", locale),
    time: formatTime(visit.startsAt, zone),
    from: formatTime(opensAt, zone),
    until: formatTime(closesAt, zone),
  });
}
