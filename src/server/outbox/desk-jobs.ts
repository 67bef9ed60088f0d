import type { Database } from "@/db/client";
import type { outbox } from "@/db/schema";
import { loadOrder, type Order } from "@/domain/checkout/order-view";
import { DESK_MOVE_MAIL } from "@/domain/desk/move-order";
import { DESK_REFUND_MAIL, deskRefundOf } from "@/domain/desk/refund-order";
import { CONFIRMATION_RESEND } from "@/domain/desk/resend-confirmation";
import { money } from "@/domain/money";
import { config } from "../config";
import { sendMail } from "../mail/mailer";
import { orderIdOf } from "./job-order";
import { ticketsPdfOf } from "../tickets/tickets-pdf";
import { deskMovedMail, deskRefundMail, resentConfirmationMail } from "./order-mails";

type Job = typeof outbox.$inferSelect;

async function jobOrder(db: Database, job: Job): Promise<{ order: Order; subjectId: string }> {
  const order = await loadOrder(db, orderIdOf(job));
  if (!order || !job.subjectId) throw new Error(`outbox job ${job.id} (${job.kind}) names no order or subject`);
  return { order, subjectId: job.subjectId };
}

const validOnly = (order: Order): Order => ({ ...order, tickets: order.tickets.filter((ticket) => ticket.status === "valid") });

/** The outbox jobs of the service desk, by kind: each an e-mail to the buyer. */
export const DESK_JOBS: Record<string, (db: Database, job: Job) => Promise<void>> = {
  [CONFIRMATION_RESEND]: async (db, job) => {
    const { order, subjectId } = await jobOrder(db, job);
    const valid = validOnly(order);
    await sendMail(resentConfirmationMail(valid, await ticketsPdfOf(db, valid, config().venueTimeZone), subjectId));
  },
  [DESK_REFUND_MAIL]: async (db, job) => {
    const { order, subjectId } = await jobOrder(db, job);
    const refund = await deskRefundOf(db, order.id, subjectId);
    if (!refund) throw new Error(`outbox job ${job.id} names no refund of order ${order.id}`);
    const refunded = order.tickets.filter((ticket) => refund.ticketIds.includes(ticket.id));
    await sendMail(deskRefundMail(order, refunded, money(refund.amountMinor, order.total.currency), subjectId));
  },
  [DESK_MOVE_MAIL]: async (db, job) => {
    const { order, subjectId } = await jobOrder(db, job);
    const valid = validOnly(order);
    await sendMail(deskMovedMail(valid, await ticketsPdfOf(db, valid, config().venueTimeZone), subjectId));
  },
};
