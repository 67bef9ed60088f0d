import type { TicketClaims } from "./ticket-token";

const isText = (value: unknown): value is string => typeof value === "string";
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Whether signed JSON has the claims' shape. A good signature says who wrote the bytes, not what
 * they hold: a key used for something else one day, or a bug in signing, must give "not a ticket",
 * never a crash on `code.toUpperCase()` at the door. Browser-safe: the scanner page checks the same.
 */
export function isTicketClaims(value: unknown): value is TicketClaims {
  if (!isObject(value)) return false;
  const { code, order, startsAt, exhibition, ticketType, ticket, slot, window } = value;
  if (![code, order, startsAt, exhibition, ticketType].every(isText)) return false;
  if ((ticket !== undefined && !isText(ticket)) || (slot !== undefined && !isText(slot))) return false;
  return window === undefined || (isObject(window) && isText(window.opensAt) && isText(window.closesAt));
}
