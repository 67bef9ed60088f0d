import { TZDate } from "@date-fns/tz";
import { keptDateTimeFormat } from "../intl-formats";

/** A calendar day in the venue's zone, `YYYY-MM-DD`. */
export type VenueDate = string;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// No visit falls outside these years, and days near 9999 overflow into years that neither ISO
// strings nor the date arithmetic of a 92-day range can write.
export const VENUE_YEARS = { first: 2000, last: 2999 } as const;

/** True for a real calendar day written as YYYY-MM-DD within VENUE_YEARS (rejects 2026-02-30). */
export function isVenueDate(value: string): value is VenueDate {
  const match = DATE.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  if (y < VENUE_YEARS.first || y > VENUE_YEARS.last) return false;
  const probe = new Date(Date.UTC(y, m - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d;
}

const formatter = (kind: "date" | "clock", timeZone: string) =>
  keptDateTimeFormat(`venue ${kind} ${timeZone}`, () =>
    kind === "date"
      ? new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" })
      : new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }),
  );

export function venueDateOf(instant: Date, timeZone: string): VenueDate {
  return formatter("date", timeZone).format(instant);
}

export function addDays(date: VenueDate, days: number): VenueDate {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

export function daysBetween(from: VenueDate, to: VenueDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The instant at which the venue's clocks show `date` `minutes` after midnight. */
export function venueInstant(date: VenueDate, minutesAfterMidnight: number, timeZone: string): Date {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const hours = Math.floor(minutesAfterMidnight / 60);
  return new Date(new TZDate(y, m - 1, d, hours, minutesAfterMidnight % 60, timeZone).getTime());
}

/** "10:30": how the venue's clocks show an instant. */
export function clockTime(instant: Date, timeZone: string): string {
  return formatter("clock", timeZone).format(instant);
}
