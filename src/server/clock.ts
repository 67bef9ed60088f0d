import type pg from "pg";
import type { Logger } from "./logger";
import { processSingleton } from "./shared";

const RESYNC_EVERY_MS = 30_000;
const SAMPLES = 3;

type Queryable = pg.Pool | pg.ClientBase;

/**
 * The one clock every process on a database reads, so that deadlines stored by one (hold and payment
 * expiries, outbox leases) mean the same to all: the database's. Reading it costs no round trip: it is
 * this host's clock plus an offset measured against the database every 30 s (and at start, before
 * serving), so processes agree within a few milliseconds however far their hosts' clocks are apart.
 */
function offset() {
  return processSingleton("database-clock", () => ({ ms: 0 }));
}

/** Now, on the database's clock. */
export function now(): Date {
  return new Date(Date.now() + offset().ms);
}

/**
 * The database's clock minus this host's, from the sample with the shortest round trip (its midpoint
 * is the best guess of when the database read its clock; the error is at most half that round trip).
 */
export async function measureClockOffset(db: Queryable, localNow: () => number = Date.now): Promise<{ offsetMs: number; roundTripMs: number }> {
  let best: { offsetMs: number; roundTripMs: number } | undefined;
  for (let sample = 0; sample < SAMPLES; sample++) {
    const sent = localNow();
    const { rows } = await db.query<{ ms: number }>("SELECT extract(epoch FROM clock_timestamp())::float8 * 1000 AS ms");
    const received = localNow();
    const measured = { offsetMs: rows[0]!.ms - (sent + received) / 2, roundTripMs: received - sent };
    if (!best || measured.roundTripMs < best.roundTripMs) best = measured;
  }
  return best!;
}

/** Measures the offset now (start-up waits for it), then every 30 s; a failed measurement keeps the last one. */
export async function keepDatabaseClock(db: Queryable, log: Logger, onOffset: (offsetMs: number) => void = () => {}): Promise<() => void> {
  let warned = false;
  const sync = async () => {
    const { offsetMs, roundTripMs } = await measureClockOffset(db);
    offset().ms = offsetMs;
    onOffset(offsetMs);
    const off = Math.abs(offsetMs) > 1_000;
    if (off && !warned) log.warn({ offsetMs: Math.round(offsetMs), roundTripMs }, "this host's clock is off the database's; the app keeps the database's time");
    warned = off;
  };
  await sync();
  const timer = setInterval(() => sync().catch((error: unknown) => log.warn({ err: error }, "could not read the database's clock; keeping the last offset")), RESYNC_EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
