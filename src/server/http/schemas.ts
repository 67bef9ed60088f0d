import { z } from "zod";
import { isVenueDate, VENUE_YEARS } from "@/domain/calendar/venue-time";
import { TOKEN_PATTERN } from "@/domain/waitlist/tokens";
import { config } from "../config";

export const uuid = (what: string) => z.string(`must be the ${what}'s id`).uuid(`must be the ${what}'s id`);

/** 1 to MAX_TICKETS_PER_ORDER, a whole number. */
export const quantity = () => {
  const max = config().maxTicketsPerOrder;
  return z.number(`must be a whole number from 1 to ${max}`).int(`must be a whole number from 1 to ${max}`).min(1, `must be 1–${max}`).max(max, `must be 1–${max}`);
};

export const isUuid = (value: string) => z.uuid().safeParse(value).success;

/** A day in a query string: `YYYY-MM-DD`, a real date, within the years a visit can fall in. */
export const venueDay = () => z.string().refine(isVenueDate, `must be a date written YYYY-MM-DD, between ${VENUE_YEARS.first} and ${VENUE_YEARS.last}`);

/** Text a client sends to be stored or searched: no control characters (PostgreSQL refuses NUL outright), at most `max` long. */
export const plainText = (max: number) =>
  z
    .string("must be text")
    .max(max, `must be at most ${max} characters`)
    .refine((value) => !/[\u0000-\u001f\u007f]/.test(value), "must not contain control characters");

/** The body of a waiting-list link's action: the link's token. */
export const waitlistToken = z.object({ token: z.string("must be the link's token").regex(TOKEN_PATTERN, "must be the link's token") });
