import { z } from "zod";
import { DomainError } from "../errors";
import { storedText } from "./stored-text";

// One ticket at most this many minor units (₹10,000.00 in INR): times MAX_CART_TICKETS (at most 1000), an order's total still fits its integer column.
export const MAX_PRICE_MINOR = 1_000_000;

const price = z.object(
  {
    amount: z.number("must be a whole number of minor units").int("must be a whole number of minor units (paise for INR)").min(0, "must not be negative").max(MAX_PRICE_MINOR, `must be at most ${MAX_PRICE_MINOR} minor units`),
    currency: z.string("must be a currency code"),
  },
  "must be { amount, currency }",
).strict();

const name = storedText(80).refine((value) => value.length > 0, "is required");
const description = storedText(500);

export const newTicketTypeInput = z.object({
  code: z.string("must be text").min(1, "must be 1–40 characters").max(40, "must be 1–40 characters").regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be lowercase letters and digits, words joined by single hyphens (like adult or over-60)"),
  name,
  description: description.optional(),
  price,
  consumesCapacity: z.boolean("must be true or false"),
  /** A child's ticket, sold only with one that needs no companion for the same slot. */
  requiresCompanion: z.boolean("must be true or false").optional(),
});
export type NewTicketTypeInput = z.output<typeof newTicketTypeInput>;

export const ticketTypeChanges = z.object({ name: name.optional(), description: description.optional(), price: price.optional(), active: z.boolean("must be true or false").optional(), requiresCompanion: z.boolean("must be true or false").optional() });
export type TicketTypeChanges = z.output<typeof ticketTypeChanges>;

/** 400 unless a price is in the museum's one currency (CURRENCY): carts and orders add prices up without converting. */
export function checkCurrency(price: { currency: string } | undefined, currency: string): void {
  if (price && price.currency !== currency) throw new DomainError("invalid_request", `Prices are in ${currency}, the museum's currency.`, { fields: { price: `must be in ${currency}` } });
}
