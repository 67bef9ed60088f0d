import { is } from "drizzle-orm";
import { PgTransaction } from "drizzle-orm/pg-core";
import type { Executor } from "../db/client";
import { DomainError } from "./errors";
import type { FunnelEvent, FunnelObserver } from "./funnel/events";

export type Settings = {
  venueTimeZone: string;
  currency: string;
  maxTicketsPerOrder: number;
  /** How often a line may be renewed after its hold ran out: no script keeps places forever by renewing them. */
  maxHoldRenewals: number;
  /** Tickets and lines one cart, and so one order, may have, all slots together. */
  maxCartTickets: number;
  maxCartLines: number;
  /** Live places (held lines and unpaid orders) one client address may have; more for a signed-in visitor. */
  maxHeldPlacesPerAddress: number;
  maxHeldPlacesPerAddressSignedIn: number;
  holdTtlSeconds: number;
  holdMaxSeconds: number;
  paymentTtlSeconds: number;
  /** How long a waiting-list offer holds its places for the one in line (WAITLIST_HOLD_SECONDS); 1800 when not set. */
  waitlistHoldSeconds?: number;
  /** A ticket admits from this long before its slot starts until this long after it ends. */
  checkInOpensMinutesBefore: number;
  checkInClosesMinutesAfter: number;
};

export type Role = "visitor" | "door" | "staff" | "admin";

/** Who asks: staff verbs decide from it what may be done (staff/authorize.ts) and write it to the audit log. */
export type Actor = { kind: "anonymous" } | { kind: "user"; userId: string; email: string; role: Role };

/** What every domain verb receives: where to read and write, who asks, what time it is, the venue's rules, and who hears of funnel events. */
export type Ctx = { db: Executor; actor: Actor; now: () => Date; settings: Settings; funnel?: FunnelObserver };

// lock_not_available (lock_timeout ran out) and deadlock_detected: the transaction was rolled back.
const BUSY_CODES = new Set(["55P03", "40P01"]);
export const pgCode = (error: unknown): string | undefined => {
  for (let cause = error as { code?: unknown; cause?: unknown } | undefined; cause; cause = cause.cause as typeof cause) {
    if (typeof cause.code === "string") return cause.code;
  }
  return undefined;
};

/**
 * True when ctx carries a transaction its caller began: work done with it commits or rolls back with
 * the caller's. drizzle's is() compares entity kinds, so it holds whichever copy of drizzle made ctx.db.
 */
export const inTransaction = (ctx: Ctx): boolean => is(ctx.db, PgTransaction);

/**
 * Runs `work` in a transaction, or inside the caller's when ctx already carries one. A lock not
 * had in time rolls everything back and becomes `busy` (503, safe to retry). Funnel events it
 * records are told to ctx's observer once committed: one rolled back is never counted.
 */
export async function withTransaction<T>(ctx: Ctx, work: (ctx: Ctx) => Promise<T>): Promise<T> {
  if (inTransaction(ctx)) return work(ctx);
  const heard: FunnelEvent[] = [];
  const funnel: FunnelObserver | undefined = ctx.funnel && ((events) => void heard.push(...events));
  try {
    const result = await ctx.db.transaction((tx) => work({ ...ctx, db: tx, funnel }));
    if (heard.length > 0) ctx.funnel?.(heard);
    return result;
  } catch (error) {
    // The cause tells a deadlock (a lock-order defect) from a lock wait run out under load.
    if (BUSY_CODES.has(pgCode(error) ?? "")) throw new DomainError("busy", "We are very busy right now; nothing was changed. Please try again in a moment.", {}, { cause: error });
    throw error;
  }
}
