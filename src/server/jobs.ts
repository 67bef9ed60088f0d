import { lt } from "drizzle-orm";
import { idempotencyKeys } from "@/db/schema";
import { reconcileHolds } from "@/domain/availability/reconcile-holds";
import { releaseAllExpiredHolds } from "@/domain/availability/release-expired-holds";
import { expireOrders } from "@/domain/checkout/expire-orders";
import { pruneFunnelEvents } from "@/domain/funnel/prune-funnel";
import { fillBookingWindow } from "@/domain/schedule/fill-booking-window";
import { expireOffers } from "@/domain/waitlist/expire-offers";
import type { Database, DatabaseHandle } from "@/db/client";
import { now } from "./clock";
import { forgetFinishedRateLimits } from "./http/database-rate-limiter";
import { IDEMPOTENCY_WINDOW_MS } from "./http/idempotency";
import { lead } from "./leader";
import type { Logger } from "./logger";
import type { Metrics } from "./metrics";
import { kickOutbox } from "./outbox/outbox";
import { settings } from "./request-context";

const SWEEP_EVERY_MS = 5_000;
const RECONCILE_EVERY_MS = 60_000;
const RATE_LIMIT_CLEANUP_EVERY_MS = 60_000;
// Payments kick the outbox at once; the tick catches what a crash or a failed attempt left.
const OUTBOX_EVERY_MS = 5_000;
// New days enter the booking window at the venue's midnight: an hour late at most, and at every start.
const FILL_WINDOW_EVERY_MS = 3_600_000;
// Funnel events older than FUNNEL_RETENTION_DAYS go once an hour.
const PRUNE_FUNNEL_EVERY_MS = 3_600_000;

/** Runs `task` every `everyMs` (and at once with `now`), never two at once; `stop` waits for a run in progress. */
function every(everyMs: number, task: () => Promise<void>, options: { now?: boolean } = {}) {
  let running: Promise<void> | undefined;
  const run = () => {
    running ??= task().finally(() => {
      running = undefined;
    });
  };
  const timer = setInterval(run, everyMs);
  if (options.now) run();
  return async () => {
    clearInterval(timer);
    await running;
  };
}

/**
 * The background jobs, run by one process of all those on the database (leader.ts). Each is also
 * safe run twice at once, as at a hand-over: the sweeper and expiry lock what they change and skip
 * what others hold, the reconciler recounts under the slot's lock, and the outbox leases each job.
 */
export function startBackgroundJobs(handle: DatabaseHandle, log: Logger, metrics: Metrics): () => Promise<void> {
  const leadership = lead({
    connection: handle.pool.options,
    log,
    start: () => runJobs(handle.db, log, metrics),
    onChange: (leading) => metrics.backgroundJobsLeader.set(Number(leading)),
  });
  return leadership.stop;
}

/** The slot generator, the sweeper (expired holds and orders, old idempotency keys), the outbox, the drift reconciler, old funnel events and old rate-limit counts. */
function runJobs(db: Database, log: Logger, metrics: Metrics): () => Promise<void> {
  const fillWindow = async () => {
    try {
      const { slotsCreated } = await fillBookingWindow({ ctx: { db, now, settings: settings() } });
      log.info({ slotsCreated }, "filled the booking window from the schedules");
    } catch (error) {
      log.error({ err: error }, "the slot generator failed");
    }
  };
  const stops = [
    every(FILL_WINDOW_EVERY_MS, fillWindow, { now: true }),
    every(SWEEP_EVERY_MS, async () => {
      try {
        const at = now();
        const swept = await releaseAllExpiredHolds(db, at);
        if (swept.released > 0) log.info(swept, "released expired holds");
        metrics.holdsExpired.inc(swept.lines);
        const expiredOrders = await expireOrders(db, at);
        if (expiredOrders > 0) log.info({ orders: expiredOrders }, "expired unpaid orders and gave their places back");
        const lapsedOffers = await expireOffers(db, at);
        if (lapsedOffers > 0) log.info({ offers: lapsedOffers }, "waiting-list offers ran out; their places went to the next in line or the public");
        await db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, new Date(at.getTime() - IDEMPOTENCY_WINDOW_MS)));
      } catch (error) {
        log.error({ err: error }, "the hold sweeper failed");
      }
    }),
    every(OUTBOX_EVERY_MS, async () => {
      try {
        await kickOutbox(db, log);
      } catch (error) {
        log.error({ err: error }, "the outbox worker failed");
      }
    }),
    every(RECONCILE_EVERY_MS, async () => {
      try {
        const repaired = await reconcileHolds(db);
        for (const repair of repaired) log.error(repair, "repaired a slot whose held count had drifted");
        metrics.holdDriftRepairs.inc(repaired.length);
      } catch (error) {
        log.error({ err: error }, "the hold reconciler failed");
      }
    }),
    every(PRUNE_FUNNEL_EVERY_MS, async () => {
      await pruneFunnelEvents(db, now()).catch((error: unknown) => log.warn({ err: error }, "old funnel events could not be deleted"));
    }),
    every(RATE_LIMIT_CLEANUP_EVERY_MS, async () => {
      await forgetFinishedRateLimits(db).catch((error: unknown) => log.warn({ err: error }, "old rate-limit counts could not be deleted"));
    }),
  ];
  return async () => {
    await Promise.all(stops.map((stop) => stop()));
  };
}
