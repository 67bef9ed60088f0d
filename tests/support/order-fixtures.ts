import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { outbox, payments, tickets } from "@/db/schema";
import { addToCart } from "@/domain/cart/add-to-cart";
import type { PaymentEvent } from "@/domain/checkout/apply-payment";
import { checkout } from "@/domain/checkout/checkout";
import { bookableShow, guest, t0, testCtx } from "./cart-fixtures";

export const contact = { name: "Asha Rao", email: "asha@example.org" };

/** A guest's order of 2 adults and 1 infant (₹500 in all) for a slot, waiting for payment. */
export async function pendingOrder(db: Database, clock: { now: Date }, capacity = 20) {
  const ctx = testCtx(db, clock);
  const show = await bookableShow(db, t0, { capacity });
  const owner = guest();
  await addToCart({ ctx, input: { owner, slotId: show.slot.id, ticketTypeId: show.adult.id, quantity: 2 } });
  await addToCart({ ctx, input: { owner, slotId: show.slot.id, ticketTypeId: show.infant.id, quantity: 1 } });
  const order = await checkout({ ctx, input: { owner, contact, provider: "test" } });
  return { ctx, show, owner, order };
}

/**
 * A provider's payment ids are unique; a test names its payments per order ("pay_1"), kept as
 * "pay_1/<order id>" so tests sharing a database never share a payment.
 */
export const paymentId = (ref: string, orderId: string) => `${ref}/${orderId}`;

/** A new event reporting a payment of the order's full ₹500 ("pay_1" unless named), each with its own event id. */
export const paidEvent = (orderId: string, { paymentRef = "pay_1", ...overrides }: Partial<PaymentEvent> = {}): PaymentEvent => ({
  provider: "test",
  eventId: `evt_${randomUUID()}`,
  type: "paid",
  orderId,
  paymentRef: paymentId(paymentRef, orderId),
  amountMinor: 50_000,
  currency: "INR",
  payload: {},
  ...overrides,
});

export const ticketsOf = (db: Database, orderId: string) => db.select().from(tickets).where(eq(tickets.orderId, orderId));
/** The order's payments by the names the test gave them, with what became of each. */
export const paymentsOf = async (db: Database, orderId: string) =>
  (await db.select({ ref: payments.providerPaymentId, status: payments.status, reason: payments.refundReason }).from(payments).where(eq(payments.orderId, orderId)).orderBy(payments.capturedAt, payments.providerPaymentId))
    .map(({ ref, ...rest }) => ({ ref: ref.replace(`/${orderId}`, ""), ...rest }));
/** The order's outbox jobs, each with the payment it is about, if any, by its test name. */
export const jobsOf = async (db: Database, orderId: string) =>
  (await db.select({ kind: outbox.kind, ref: payments.providerPaymentId }).from(outbox).leftJoin(payments, eq(payments.id, outbox.paymentId)).where(eq(outbox.orderId, orderId)).orderBy(outbox.kind, payments.providerPaymentId))
    .map(({ kind, ref }) => ({ kind, payment: ref?.replace(`/${orderId}`, "") ?? null }));
