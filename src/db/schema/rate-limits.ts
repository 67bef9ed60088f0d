import { bigint, integer, pgTable, text } from "drizzle-orm/pg-core";

/**
 * The counters of every rate limiter, shared by all server processes on the database (rate-limiter-flexible's
 * PostgreSQL layout; `key` is the limiter's prefix and the counted key). `expire` is milliseconds since the
 * epoch on the database's clock. UNLOGGED (in the migration): a crash of the database forgets the last
 * minute's counts, and no write here waits for a WAL flush.
 */
export const rateLimits = pgTable("rate_limits", {
  key: text("key").primaryKey(),
  points: integer("points").notNull().default(0),
  expire: bigint("expire", { mode: "number" }),
});
