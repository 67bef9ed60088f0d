import { eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { orders, outbox } from "@/db/schema";
import { loadOrder } from "@/domain/checkout/order-view";
import { now } from "../clock";
import { config } from "../config";
import type { Logger } from "../logger";
import { providerOf } from "../payments/payment-provider";
import { processSingleton } from "../shared";
import { confirmationMail, refundMail } from "./order-mails";
import { sendMail } from "../mail/mailer";

const LEASE_SECONDS = 120;
type Job = typeof outbox.$inferSelect;

/**
 * Takes the oldest job nobody is working on, leased for a while: a worker that dies mid-job
 * (after the payment committed, before the e-mail left) leaves it to be taken again when the
 * lease runs out, so it is still done. No transaction is open while the mail server or the
 * payment provider is called (invariant 7).
 */
async function claim(db: Database, now: Date): Promise<Job | undefined> {
  const { rows } = await db.execute<{ id: string }>(sql`
    UPDATE outbox SET leased_until = ${new Date(now.getTime() + LEASE_SECONDS * 1000)}, attempts = attempts + 1
    WHERE id = (
      SELECT id FROM outbox WHERE done_at IS NULL AND (leased_until IS NULL OR leased_until < ${now})
      ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED
    ) RETURNING id`);
  if (!rows[0]) return undefined;
  return (await db.select().from(outbox).where(eq(outbox.id, rows[0].id)))[0];
}

async function perform(db: Database, job: Job): Promise<void> {
  const order = (await loadOrder(db, job.orderId))!;
  if (job.kind === "confirmation") return sendMail(await confirmationMail(order, config().venueTimeZone));
  if (job.kind === "refund_notice") return sendMail(refundMail(order));
  if (job.kind === "refund") {
    const [row] = await db.select().from(orders).where(eq(orders.id, job.orderId));
    await providerOf(row!.provider).refund(row!);
    await db.insert(outbox).values({ kind: "refund_notice", orderId: job.orderId }).onConflictDoNothing();
    return;
  }
  throw new Error(`unknown outbox job kind ${job.kind}`);
}

/** Works through every job that is due; a failed job waits longer after each attempt (up to 10 minutes). */
export async function runOutbox(db: Database, log: Logger): Promise<number> {
  let done = 0;
  for (let job = await claim(db, now()); job; job = await claim(db, now())) {
    try {
      await perform(db, job);
      await db.update(outbox).set({ doneAt: now(), lastError: null }).where(eq(outbox.id, job.id));
      done++;
    } catch (error) {
      const retryIn = Math.min(600, 2 ** job.attempts) * 1000;
      log.error({ err: error, job: job.id, kind: job.kind, orderId: job.orderId }, "an outbox job failed; it will be tried again");
      await db.update(outbox).set({ lastError: String(error), leasedUntil: new Date(now().getTime() + retryIn) }).where(eq(outbox.id, job.id));
    }
  }
  return done;
}

/** Runs the outbox now (after a payment) without waiting for the next tick; runs never overlap in one process. */
export function kickOutbox(db: Database, log: Logger): Promise<number> {
  const state = processSingleton("outbox-run", () => ({ running: undefined as Promise<number> | undefined, again: false }));
  if (state.running) {
    state.again = true;
    return state.running;
  }
  state.running = runOutbox(db, log).finally(() => {
    state.running = undefined;
    if (state.again) {
      state.again = false;
      void kickOutbox(db, log);
    }
  });
  return state.running;
}
