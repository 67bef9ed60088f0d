import { addDays, isVenueDate, type VenueDate } from "../calendar/venue-time";

/** Tickets are sold for today and the 59 days after it. */
export const BOOKING_DAYS_AHEAD = 60;

export function lastBookableDay(today: VenueDate): VenueDate {
  return addDays(today, BOOKING_DAYS_AHEAD - 1);
}

/** The requested day if it is a real day inside the booking window, else `fallback` (today unless said). */
export function bookableDayOr(today: VenueDate, requested: string | undefined, fallback: VenueDate = today): VenueDate {
  if (requested && isVenueDate(requested) && requested >= today && requested <= lastBookableDay(today)) return requested;
  return fallback;
}
