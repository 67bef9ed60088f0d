import { sql } from "drizzle-orm";
import type pg from "pg";
import type { Executor } from "@/db/client";
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";

const TABLE = "rate_limits";
// Milliseconds since the epoch on the database's clock, read once per statement.
const DATABASE_MS = "(extract(epoch FROM clock_timestamp()) * 1000)::bigint";

type Row = { points: number; expire: number | null; now: number };
type Waiting = { key: string; points: number; msDuration: number; resolve: (result: { rows: Row[] }) => void; reject: (error: unknown) => void };

// Whether a key's window has ended, on the database's clock.
const ENDED = "r.expire <= (SELECT now FROM clock)";

/**
 * rate-limiter-flexible's PostgreSQL store, counting in the `rate_limits` table (made by a migration,
 * not at run time), with every window timed by the database's clock instead of each process's own:
 * processes on hosts whose clocks disagree still share one window per key. The store's upsert, read
 * and answer are replaced; the library keeps its `consume()` semantics, in-memory blocking and
 * insurance limiter.
 *
 * Counting is on the hot path of every cart write, so the upserts that arrive while one is at the
 * database go together as the next statement (as adds to carts do, decision 9), keys in order so two
 * processes' statements cannot deadlock. A lone count is sent at once.
 */
class RateLimiterOnDatabaseClock extends RateLimiterPostgres {
  private queue: Waiting[] = [];
  private sending = false;

  constructor(
    private readonly pool: pg.Pool,
    options: Omit<ConstructorParameters<typeof RateLimiterPostgres>[0], "storeClient">,
  ) {
    super({ ...options, storeClient: pool, storeType: "pool", tableName: TABLE, tableCreated: true, clearExpiredByTimeout: false });
  }

  /** Adds `points` to the key's count, or sets it (`forceExpire`: block() and set()); a window that has ended starts again. */
  _upsert(key: string, points: number, msDuration: number, forceExpire = false): Promise<{ rows: Row[] }> {
    if (forceExpire) return this.upsert([key], [points], [msDuration], true);
    return new Promise((resolve, reject) => {
      this.queue.push({ key, points, msDuration, resolve, reject });
      if (!this.sending) void this.send();
    });
  }

  private async send() {
    this.sending = true;
    while (this.queue.length > 0) {
      const batch = this.queue;
      this.queue = [];
      try {
        const added = new Map<string, { points: number; msDuration: number }>();
        for (const { key, points, msDuration } of batch) added.set(key, { points: (added.get(key)?.points ?? 0) + points, msDuration });
        const keys = [...added.keys()].sort();
        const { rows } = await this.upsert(keys, keys.map((key) => added.get(key)!.points), keys.map((key) => added.get(key)!.msDuration), false);
        // Each caller sees the count as it stood after its own points, in the order they came.
        const after = new Map(rows.map((row) => [row.key, { ...row }]));
        for (const waiting of batch.reverse()) {
          const row = after.get(waiting.key)!;
          waiting.resolve({ rows: [{ points: row.points, expire: row.expire, now: row.now }] });
          row.points -= waiting.points;
        }
      } catch (error) {
        for (const waiting of batch) waiting.reject(error);
      }
    }
    this.sending = false;
  }

  private async upsert(keys: string[], points: number[], msDurations: number[], force: boolean) {
    return this.pool.query<Row & { key: string }>({
      name: force ? "rate-limit-set" : "rate-limit-add",
      text: `
        WITH clock AS (SELECT ${DATABASE_MS} AS now)
        INSERT INTO ${TABLE} AS r (key, points, expire)
        SELECT i.key, i.points, CASE WHEN i.duration > 0 THEN clock.now + i.duration END
        FROM unnest($1::text[], $2::int[], $3::bigint[]) WITH ORDINALITY AS i(key, points, duration, n), clock ORDER BY i.n
        ON CONFLICT (key) DO UPDATE SET
          points = CASE WHEN ${force ? "true" : ENDED} THEN excluded.points ELSE r.points + excluded.points END,
          expire = CASE WHEN ${force ? "true" : ENDED} THEN excluded.expire ELSE r.expire END
        RETURNING key, points, expire::float8 AS expire, (SELECT now FROM clock)::float8 AS now`,
      values: [keys, points, msDurations],
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
