import { and, eq, ne, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { exhibitions, outbox, payments, refunds, timeSlots } from "@/db/schema";
import { loadOrder } from "@/domain/checkout/order-view";
import { money } from "@/domain/money";
import { TICKET_REFUND_JOB } from "@/domain/refunds/refund-tickets";
import { SLOT_CANCEL_MAILS, SLOT_CANCELLED_VOID } from "@/domain/slots/cancel-slot";
import { now } from "../clock";
import { config } from "../config";
import { sendMail } from "../mail/mailer";
import { orderIdOf } from "./job-order";
import { metrics } from "../metrics";
import { providerOf } from "../payments/payment-provider";
import { ticketsPdfOf } from "../tickets/tickets-pdf";
import { DESK_JOBS } from "./desk-jobs";
import { slotCancelledMail, slotMovedMail, slotRefundedMail, type CancelledSlot } from "./order-mails";

type Job = typeof outbox.$inferSelect;

const subjectOf = (job: Job): string => {
  if (!job.subjectId) throw new Error(`outbox job ${job.id} (${job.kind}) names no subject`);
  return job.subjectId;
};

/**
 * A `refunds` row's money back through the provider the order was paid with, keyed by the row: a
 * retry after a lost answer is the same refund. The payment is `refunded` once refunds have given
 * back all it paid.
 */
async function ticketRefund(db: Database, job: Job): Promise<void> {
  const [refund] = await db.select().from(refunds).where(eq(refunds.id, subjectOf(job)));
  if (!refund) throw new Error(`outbox job ${job.id} names no refund`);
  if (refund.status === "done") return;
  const [payment] = refund.paymentId ? await db.select().from(payments).where(eq(payments.id, refund.paymentId)) : [];
  if (!payment) throw new Error(`refund ${refund.id} names no payment`);
  await providerOf(payment.provider).refund({ paymentRef: payment.providerPaymentId, idempotencyKey: `refund-${refund.id}`, amountMinor: refund.amountMinor });
  await db.transaction(async (tx) => {
    await tx.update(refunds).set({ status: "done", doneAt: now() }).where(and(eq(refunds.id, refund.id), ne(refunds.status, "done")));
    await tx.execute(sql`
      UPDATE payments SET status = 'refunded', refunded_at = ${now()}
      WHERE id = ${payment.id} AND status = 'applied'
        AND amount_minor <= (SELECT coalesce(sum(amount_minor), 0) FROM refunds WHERE payment_id = ${payment.id} AND status = 'done')`);
  });
  metrics().ticketRefunds.inc({ outcome: "done" });
}

async function cancelledSlot(db: Database, slotId: string): Promise<CancelledSlot> {
  const [slot] = await db
    .select({ id: timeSlots.id, title: exhibitions.title, startsAt: timeSlots.startsAt, reason: timeSlots.cancelReason })
    .from(timeSlots)
    .innerJoin(exhibitions, eq(exhibitions.id, timeSlots.exhibitionId))
    .where(eq(timeSlots.id, slotId));
  if (!slot) throw new Error(`no slot ${slotId}`);
  return { ...slot, startsAt: slot.startsAt.toISOString() };
}

/** A buyer's e-mail about a cancelled slot (the job's subject): what became of their order. */
async function slotCancelMail(db: Database, job: Job): Promise<void> {
  const order = await loadOrder(db, orderIdOf(job));
  if (!order) throw new Error(`outbox job ${job.id} names no order`);
  const slot = await cancelledSlot(db, subjectOf(job));
  if (job.kind === SLOT_CANCEL_MAILS.cancelled) return sendMail(slotCancelledMail(order, slot));
  if (job.kind === SLOT_CANCEL_MAILS.refunded) {
    const { rows } = await db.execute<{ amount: number }>(sql`
      SELECT coalesce(sum(oi.unit_price_minor), 0)::int AS amount FROM tickets t JOIN order_items oi ON oi.id = t.order_item_id
      WHERE t.order_id = ${order.id} AND oi.slot_id = ${slot.id} AND t.void_reason = ${SLOT_CANCELLED_VOID}`);
    return sendMail(slotRefundedMail(order, slot, money(rows[0]?.amount ?? 0, order.total.currency)));
  }
  const valid = { ...order, tickets: order.tickets.filter((ticket) => ticket.status === "valid") };
  return sendMail(slotMovedMail(valid, slot, await ticketsPdfOf(db, valid, config().venueTimeZone)));
}

/** The outbox jobs of the staff console, by kind. */
export const STAFF_JOBS: Record<string, (db: Database, job: Job) => Promise<void>> = {
  [TICKET_REFUND_JOB]: ticketRefund,
  ...Object.fromEntries(Object.values(SLOT_CANCEL_MAILS).map((kind) => [kind, slotCancelMail])),
  ...DESK_JOBS,
};
