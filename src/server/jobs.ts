import { lt } from "drizzle-orm";
import { idempotencyKeys } from "@/db/schema";
import { reconcileHolds } from "@/domain/availability/reconcile-holds";
import { releaseAllExpiredHolds } from "@/domain/availability/release-expired-holds";
import { expireOrders } from "@/domain/checkout/expire-orders";
import type { Database } from "@/db/client";
import { IDEMPOTENCY_WINDOW_MS } from "./http/idempotency";
import type { Logger } from "./logger";
import type { Metrics } from "./metrics";
import { kickOutbox } from "./outbox/outbox";

const SWEEP_EVERY_MS = 5_000;
const RECONCILE_EVERY_MS = 60_000;
// Payments kick the outbox at once; the tick catches what a crash or a failed attempt left.
const OUTBOX_EVERY_MS = 5_000;

/** Runs `task` every `everyMs`, never two at once; `stop` waits for a run in progress. */
function every(everyMs: number, task: () => Promise<void>) {
  let running: Promise<void> | undefined;
  const timer = setInterval(() => {
    running ??= task().finally(() => {
      running = undefined;
    });
  }, everyMs);
  return async () => {
    clearInterval(timer);
    await running;
  };
}

/** The sweeper (expired holds and orders, old idempotency keys), the outbox and the drift reconciler. */
export function startBackgroundJobs(db: Database, log: Logger, metrics: Metrics): () => Promise<void> {
  const stops = [
    every(SWEEP_EVERY_MS, async () => {
      try {
        const now = new Date();
        const swept = await releaseAllExpiredHolds(db, now);
        if (swept.released > 0) log.info(swept, "released expired holds");
        const expiredOrders = await expireOrders(db, now);
        if (expiredOrders > 0) log.info({ orders: expiredOrders }, "expired unpaid orders and gave their places back");
        await db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, new Date(now.getTime() - IDEMPOTENCY_WINDOW_MS)));
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
  ];
  return async () => {
    await Promise.all(stops.map((stop) => stop()));
  };
}
