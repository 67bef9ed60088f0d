import { count, eq, isNotNull, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { outbox, payments } from "@/db/schema";
import { loadOrder } from "@/domain/checkout/order-view";
import { TICKET_REFUND_JOB } from "@/domain/refunds/refund-tickets";
import { now } from "../clock";
import { config } from "../config";
import { db as appDatabase } from "../database";
import { logger, type Logger } from "../logger";
import { metrics } from "../metrics";
import { paymentNeedsAPerson } from "../payments/attention";
import { providerOf } from "../payments/payment-provider";
import { processSingleton } from "../shared";
import { confirmationMail, refundMail } from "./order-mails";
import { sendMail } from "../mail/mailer";
import { ticketsPdfOf } from "../tickets/tickets-pdf";
import { LOOKUP_JOBS } from "./lookup-jobs";
import { STAFF_JOBS } from "./staff-jobs";
import { WAITLIST_JOBS } from "./waitlist-mails";

const LEASE_SECONDS = 120;
const LONGEST_WAIT_SECONDS = 600;
type Job = typeof outbox.$inferSelect;

/**
 * Takes the oldest job nobody is working on, leased for a while: a worker that dies mid-job
 * (after the payment committed, before the e-mail left) leaves it to be taken again when the
 * lease runs out, so it is still done. No transaction is open while the mail server or the
 * payment provider is called (invariant 7).
 */
async function claim(db: Database, now: Date, maxAttempts: number): Promise<Job | undefined> {
  const { rows } = await db.execute<{ id: string }>(sql`
    UPDATE outbox SET leased_until = ${new Date(now.getTime() + LEASE_SECONDS * 1000)}, attempts = attempts + 1
    WHERE id = (
      SELECT id FROM outbox WHERE done_at IS NULL AND dead_at IS NULL AND attempts < ${maxAttempts} AND (leased_until IS NULL OR leased_until < ${now})
      ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED
    ) RETURNING id`);
  if (!rows[0]) return undefined;
  return (await db.select().from(outbox).where(eq(outbox.id, rows[0].id)))[0];
}

async function paymentOf(db: Database, job: Job) {
  const [payment] = job.paymentId ? await db.select().from(payments).where(eq(payments.id, job.paymentId)) : [];
  if (!payment) throw new Error(`outbox job ${job.id} (${job.kind}) names no payment`);
  return payment;
}

async function perform(db: Database, job: Job): Promise<void> {
  const waitlistJob = WAITLIST_JOBS[job.kind];
  if (waitlistJob) return waitlistJob(db, job);
  const lookupJob = LOOKUP_JOBS[job.kind];
  if (lookupJob) return lookupJob(db, job);
  if (!job.orderId) throw new Error(`outbox job ${job.id} (${job.kind}) names no order`);
  return performForOrder(db, { ...job, orderId: job.orderId });
}

async function performForOrder(db: Database, job: Job & { orderId: string }): Promise<void> {
  if (job.kind === "confirmation") {
    const order = (await loadOrder(db, job.orderId))!;
    return sendMail(confirmationMail(order, await ticketsPdfOf(db, order, config().venueTimeZone)));
  }
  const staffJob = STAFF_JOBS[job.kind];
  if (staffJob) return staffJob(db, job);
  const payment = await paymentOf(db, job);
  if (job.kind === "refund_notice") return sendMail(refundMail((await loadOrder(db, job.orderId))!, payment));
  if (job.kind === "refund") {
    // Keyed by the payment, not the order: each captured payment is given back once, however often this runs.
    await providerOf(payment.provider).refund({ paymentRef: payment.providerPaymentId, idempotencyKey: `refund-${payment.provider}-${payment.providerPaymentId}` });
    await db.transaction(async (tx) => {
      await tx.update(payments).set({ status: "refunded", refundedAt: now() }).where(eq(payments.id, payment.id));
      await tx.insert(outbox).values({ kind: "refund_notice", orderId: job.orderId, paymentId: payment.id }).onConflictDoNothing();
    });
    return;
  }
  throw new Error(`unknown outbox job kind ${job.kind}`);
}

const describe = (error: unknown) => (error instanceof Error ? error.message : JSON.stringify(error));

/**
 * Jobs that have used up their attempts become dead: no longer tried, one error line each, counted
 * in outbox_dead_jobs; a dead refund marks its payment refund_failed, a payment that needs a person.
 * A job whose worker died on its last attempt is buried once its lease has run out.
 */
async function bury(db: Database, log: Logger, maxAttempts: number): Promise<void> {
  const at = now();
  const { rows } = await db.execute<{ id: string; kind: string; order_id: string; payment_id: string | null; attempts: number; last_error: string | null; provider: string | null; provider_payment_id: string | null }>(sql`
    WITH dead AS (
      UPDATE outbox SET dead_at = ${at}
      WHERE done_at IS NULL AND dead_at IS NULL AND attempts >= ${maxAttempts} AND leased_until <= ${at}
      RETURNING id, kind, order_id, payment_id, subject_id, attempts, last_error
    ), flagged AS (
      UPDATE payments SET status = 'refund_failed' FROM dead
      WHERE payments.id = dead.payment_id AND dead.kind = 'refund'
      RETURNING payments.id, payments.provider, payments.provider_payment_id
    ), failed AS (
      UPDATE refunds SET status = 'failed' FROM dead, payments
      WHERE refunds.id = dead.subject_id AND dead.kind = ${TICKET_REFUND_JOB} AND payments.id = refunds.payment_id
      RETURNING refunds.id, payments.provider, payments.provider_payment_id
    )
    SELECT dead.id, dead.kind, dead.order_id, dead.payment_id, dead.attempts, dead.last_error,
      coalesce(flagged.provider, failed.provider) AS provider, coalesce(flagged.provider_payment_id, failed.provider_payment_id) AS provider_payment_id
    FROM dead LEFT JOIN flagged ON flagged.id = dead.payment_id LEFT JOIN failed ON failed.id = dead.subject_id`);
  for (const job of rows) {
    const details = { job: job.id, kind: job.kind, orderId: job.order_id, attempts: job.attempts, lastError: job.last_error };
    log.error(details, "an outbox job is dead after its last attempt; it needs a person");
    if (job.kind === TICKET_REFUND_JOB) metrics().ticketRefunds.inc({ outcome: "failed" });
    if (job.provider) paymentNeedsAPerson(log, "refund_failed", { ...details, provider: job.provider, paymentRef: job.provider_payment_id });
  }
  const dead = await db.select({ kind: outbox.kind, jobs: count() }).from(outbox).where(isNotNull(outbox.deadAt)).groupBy(outbox.kind);
  metrics().outboxDeadJobs.reset();
  for (const { kind, jobs } of dead) metrics().outboxDeadJobs.set({ kind }, jobs);
}

/**
 * Works through every job that is due. A failed job waits longer after each attempt (2, 4, 8 …
 * seconds, at most 10 minutes); after OUTBOX_MAX_ATTEMPTS it is dead.
 */
export async function runOutbox(db: Database, log: Logger): Promise<number> {
  const { outboxMaxAttempts } = config();
  let done = 0;
  for (let job = await claim(db, now(), outboxMaxAttempts); job; job = await claim(db, now(), outboxMaxAttempts)) {
    try {
      await perform(db, job);
      // A link's token lives here only until its e-mail has left.
      await db.update(outbox).set({ doneAt: now(), lastError: null, payload: null }).where(eq(outbox.id, job.id));
      done++;
    } catch (error) {
      const last = job.attempts >= outboxMaxAttempts;
      const retryIn = last ? 0 : Math.min(LONGEST_WAIT_SECONDS, 2 ** job.attempts) * 1000;
      log.error({ err: error, job: job.id, kind: job.kind, orderId: job.orderId, paymentId: job.paymentId, attempt: job.attempts }, last ? "an outbox job failed its last attempt" : "an outbox job failed; it will be tried again");
      await db.update(outbox).set({ lastError: describe(error), leasedUntil: new Date(now().getTime() + retryIn) }).where(eq(outbox.id, job.id));
    }
  }
  await bury(db, log, outboxMaxAttempts);
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
      void kickOutbox(db, log).catch((error: unknown) => log.error({ err: error }, "the outbox worker failed"));
    }
  });
  return state.running;
}

/** After a commit that queued jobs (a payment, a cancelled slot): the outbox runs now, in the background, its failure logged. */
export function kickOutboxSoon(): void {
  void kickOutbox(appDatabase(), logger()).catch((error: unknown) => logger().error({ err: error }, "the outbox worker failed"));
}
