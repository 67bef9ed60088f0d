import { sql } from "drizzle-orm";
import type pg from "pg";
import type { Executor } from "@/db/client";
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";

const TABLE = "rate_limits";
// Milliseconds since the epoch on the database's clock, read once per statement.
const DATABASE_MS = "(extract(epoch FROM clock_timestamp()) * 1000)::bigint";

type Row = { points: number; expire: number | null; now: number };

/**
 * rate-limiter-flexible's PostgreSQL store, counting in the `rate_limits` table (made by a migration,
 * not at run time), with every window timed by the database's clock instead of each process's own:
 * processes on hosts whose clocks disagree still share one window per key. The store's upsert, read
 * and answer are replaced; the library keeps its `consume()` semantics, in-memory blocking and
 * insurance limiter.
 */
class RateLimiterOnDatabaseClock extends RateLimiterPostgres {
  constructor(
    private readonly pool: pg.Pool,
    options: Omit<ConstructorParameters<typeof RateLimiterPostgres>[0], "storeClient">,
  ) {
    super({ ...options, storeClient: pool, storeType: "pool", tableName: TABLE, tableCreated: true, clearExpiredByTimeout: false });
  }

  /** One statement, atomic per key: a window that has run out (on the database's clock) starts again. */
  _upsert(key: string, points: number, msDuration: number, forceExpire = false) {
    return this.pool.query<Row>({
      name: "rate-limit-upsert",
      text: `
        WITH clock AS (SELECT ${DATABASE_MS} AS now)
        INSERT INTO ${TABLE} AS r (key, points, expire)
        SELECT $1, $2, CASE WHEN $3::bigint > 0 THEN clock.now + $3::bigint END FROM clock
        ON CONFLICT (key) DO UPDATE SET
          points = CASE WHEN $4::boolean OR r.expire <= (SELECT now FROM clock) THEN excluded.points ELSE r.points + excluded.points END,
          expire = CASE WHEN $4::boolean OR r.expire <= (SELECT now FROM clock) THEN excluded.expire ELSE r.expire END
        RETURNING points, expire::float8 AS expire, (SELECT now FROM clock)::float8 AS now`,
      values: [key, points, msDuration, forceExpire],
    });
  }

  async _get(key: string) {
    const result = await this.pool.query<Row>({
      name: "rate-limit-get",
      text: `
        WITH clock AS (SELECT ${DATABASE_MS} AS now)
        SELECT points, expire::float8 AS expire, clock.now::float8 AS now FROM ${TABLE}, clock
        WHERE key = $1 AND (expire > clock.now OR expire IS NULL)`,
      values: [key],
    });
    return result.rowCount ? result : null;
  }

  _getRateLimiterRes(_key: string, changedPoints: number, result: { rows: Row[] }) {
    const row = result.rows[0]!;
    const isFirstInDuration = changedPoints === row.points;
    const consumed = isFirstInDuration ? changedPoints : row.points;
    const msBeforeNext = row.expire === null ? -1 : Math.max(row.expire - row.now, 0);
    return new RateLimiterRes(Math.max(this.points - consumed, 0), msBeforeNext, consumed, isFirstInDuration);
  }
}

export type SharedLimit = {
  keyPrefix: string;
  points: number;
  duration: number;
  /**
   * When the store cannot be reached: `refuse` (the caller answers 503) for limits that guard
   * secrets, where an unlimited minute is an open door; `count-per-process` for limits that guard
   * load, which then fall back to a count in this process's memory.
   */
  whenStoreFails: "refuse" | "count-per-process";
};

/**
 * A limiter counted in the database, shared by every process on it. After a refusal the key is
 * also blocked in this process's memory until its window ends, so a client that keeps trying
 * costs no further writes.
 */
export function sharedLimiter(pool: pg.Pool, limit: SharedLimit) {
  const { whenStoreFails, ...options } = limit;
  return new RateLimiterOnDatabaseClock(pool, {
    ...options,
    inMemoryBlockOnConsumed: options.points + 1,
    ...(whenStoreFails === "count-per-process" && { insuranceLimiter: new RateLimiterMemory(options) }),
  });
}

/** Deletes the counts whose window has ended (the background jobs' leader calls it every minute). */
export async function forgetFinishedRateLimits(db: Executor): Promise<void> {
  await db.execute(sql.raw(`DELETE FROM ${TABLE} WHERE expire < ${DATABASE_MS}`));
}
