import { PgTransaction } from "drizzle-orm/pg-core";
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

/** Runs `work` in a transaction, or inside the caller's when ctx already carries one. */
export async function withTransaction<T>(ctx: Ctx, work: (ctx: Ctx) => Promise<T>): Promise<T> {
  if (ctx.db instanceof PgTransaction) return work(ctx);
  return ctx.db.transaction((tx) => work({ ...ctx, db: tx }));
}
