import { addDays, daysBetween, venueDateOf, venueInstant, type VenueDate } from "../calendar/venue-time";
import type { Ctx } from "../context";
import { DomainError } from "../errors";

/** The longest range a report covers: the funnel's whole retention, a year and a month. */
export const MAX_REPORT_DAYS = 400;
/** What a report covers when not told: the last 30 venue days, today included. */
export const DEFAULT_REPORT_DAYS = 30;

/** Venue days from `from` to `to`, both included, and the instants that bound them. */
export type ReportRange = { from: VenueDate; to: VenueDate; start: Date; end: Date };

/** The range asked for (either end may be left out), checked: `from` not after `to`, at most MAX_REPORT_DAYS. */
export function reportRange(ctx: Ctx, input: { from?: VenueDate; to?: VenueDate }): ReportRange {
  const zone = ctx.settings.venueTimeZone;
  const to = input.to ?? (input.from ? addDays(input.from, DEFAULT_REPORT_DAYS - 1) : venueDateOf(ctx.now(), zone));
  const from = input.from ?? addDays(to, -(DEFAULT_REPORT_DAYS - 1));
  const days = daysBetween(from, to) + 1;
  if (days < 1) throw new DomainError("invalid_request", "The range ends before it starts.", { fields: { to: "must not be before from" } });
  if (days > MAX_REPORT_DAYS) throw new DomainError("invalid_request", `A report covers at most ${MAX_REPORT_DAYS} days.`, { fields: { to: `must be at most ${MAX_REPORT_DAYS} days after from` } });
  return { from, to, start: venueInstant(from, 0, zone), end: venueInstant(addDays(to, 1), 0, zone) };
}

/** Every venue day of the range, in order. */
export const rangeDays = (range: ReportRange): VenueDate[] => Array.from({ length: daysBetween(range.from, range.to) + 1 }, (_, index) => addDays(range.from, index));
