import type { Executor } from "../db/client";

export type Settings = {
  venueTimeZone: string;
  currency: string;
  maxTicketsPerOrder: number;
  holdTtlSeconds: number;
  holdMaxSeconds: number;
  paymentTtlSeconds: number;
};

export type Actor = { kind: "anonymous" } | { kind: "user"; userId: string; role: "visitor" | "staff" | "admin" };

/** What every domain verb receives: where to read and write, who asks, what time it is, and the venue's rules. */
export type Ctx = { db: Executor; actor: Actor; now: () => Date; settings: Settings };
