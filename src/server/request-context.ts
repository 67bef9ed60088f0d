import type { Ctx, Settings } from "@/domain/context";
import { now } from "./clock";
import { config } from "./config";
import { db } from "./database";
import { countFunnel } from "./funnel-metrics";

export function settings(): Settings {
  const c = config();
  return {
    venueTimeZone: c.venueTimeZone,
    currency: c.currency,
    maxTicketsPerOrder: c.maxTicketsPerOrder,
    maxHoldRenewals: c.maxHoldRenewals,
    maxCartTickets: c.maxCartTickets,
    maxCartLines: c.maxCartLines,
    maxHeldPlacesPerAddress: c.maxHeldPlacesPerAddress,
    maxHeldPlacesPerAddressSignedIn: c.maxHeldPlacesPerAddressSignedIn,
    holdTtlSeconds: c.holdTtlSeconds,
    holdMaxSeconds: c.holdMaxSeconds,
    paymentTtlSeconds: c.paymentTtlSeconds,
    waitlistHoldSeconds: c.waitlistHoldSeconds,
    checkInOpensMinutesBefore: c.checkInOpensMinutesBefore,
    checkInClosesMinutesAfter: c.checkInClosesMinutesAfter,
  };
}

export function requestContext(): Ctx {
  return { db: db(), actor: { kind: "anonymous" }, now, settings: settings(), funnel: countFunnel };
}
