import { sql, type SQL } from "drizzle-orm";
import { cartItems } from "../../db/schema";
import type { Settings } from "../context";

/**
 * The one hold-timer rule (API.md, Cart rules): a hold runs HOLD_TTL from the last change that
 * armed it, never past HOLD_MAX after its places were first held. hold-expiry.test.ts holds the
 * TypeScript and the SQL form to the same answers.
 */

/** `until`, but never past HOLD_MAX after `heldAt`. */
export function capHold(heldAt: Date, until: Date, settings: Settings): Date {
  return new Date(Math.min(until.getTime(), heldAt.getTime() + settings.holdMaxSeconds * 1000));
}

/** When a hold first taken at `heldAt` and armed at `now` runs out. */
export function holdExpiry(heldAt: Date, now: Date, settings: Settings): Date {
  return capHold(heldAt, new Date(now.getTime() + settings.holdTtlSeconds * 1000), settings);
}

/** holdExpiry(cart_items.held_at, now) for the cart_items row being updated. */
export function holdExpirySql(now: Date, settings: Settings): SQL {
  return sql`LEAST(${new Date(now.getTime() + settings.holdTtlSeconds * 1000)}::timestamptz, ${cartItems.heldAt} + make_interval(secs => ${settings.holdMaxSeconds}))`;
}
