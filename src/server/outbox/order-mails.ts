import type { payments } from "@/db/schema";
import { isRefundReason, type RefundReason } from "@/domain/checkout/apply-payment";
import type { Order } from "@/domain/checkout/order-view";
import { VENUE } from "@/domain/venue";
import { formatMoney } from "@/components/format";
import { config } from "../config";
import type { Message } from "../mail/mailer";
import { orderPath } from "../order-access";

const host = () => new URL(config().publicUrl).hostname;
const from = () => `"${VENUE.name}" <tickets@${host()}>`;
const link = (order: Order) => `${config().publicUrl}${orderPath(order.id)}`;

/** The confirmation: the tickets as a PDF and the order's access link, which is how a guest comes back to it. */
export function confirmationMail(order: Order, pdf: Buffer): Message {
  const lines = order.items.map((item) => `  ${item.quantity} × ${item.ticketType.name}, ${item.exhibition.title}`).join("\n");
  return {
    messageId: `order-${order.number}-confirmation@${host()}`,
    from: from(),
    to: { name: order.name, address: order.email },
    subject: `Your tickets, order ${order.number}`,
    text: `Dear ${order.name},\n\nThank you for booking with the ${VENUE.name}. Your tickets are attached; show the QR codes at the door, printed or on your phone.\n\n${lines}\nTotal paid: ${formatMoney(order.total)}\n\nYour order, any time: ${link(order)}\n`,
    attachments: [{ filename: `tickets-${order.number}.pdf`, content: pdf, contentType: "application/pdf" }],
  };
}

const BOOK_AGAIN = () => `You are welcome to book again: ${config().publicUrl}/exhibitions`;

const mismatch = (order: Order) => ({ why: `A payment for order ${order.number} did not match its total of ${formatMoney(order.total)}, so it could not pay for it.`, next: `Your order: ${link(order)}` });

/** Why a payment came back, in the buyer's words, and what they can do now. */
const REFUND_STORIES: Record<RefundReason, (order: Order) => { why: string; next: string }> = {
  late_no_room: (order) => ({ why: `Your payment for order ${order.number} reached us after the order's time to pay had run out, and the places had gone to other visitors in the meantime.`, next: `We are sorry. ${BOOK_AGAIN()}` }),
  second_capture: (order) => ({ why: `We received a second payment for order ${order.number}, which was already paid.`, next: `Your tickets are unchanged and valid: ${link(order)}` }),
  order_closed: (order) => ({ why: `A payment for order ${order.number} reached us after the order had been closed.`, next: BOOK_AGAIN() }),
  amount_mismatch: (order) => mismatch(order),
  currency_mismatch: (order) => mismatch(order),
  amount_missing: (order) => mismatch(order),
};

/** When a captured payment could not become tickets: the money is back, and we say why. */
export function refundMail(order: Order, payment: Pick<typeof payments.$inferSelect, "providerPaymentId" | "amountMinor" | "currency" | "refundReason">): Message {
  const reason = payment.refundReason && isRefundReason(payment.refundReason) ? payment.refundReason : "order_closed";
  const { why, next } = REFUND_STORIES[reason](order);
  const amount = payment.amountMinor !== null && payment.currency && /^[a-z]{3}$/i.test(payment.currency) ? ` of ${formatMoney({ amount: payment.amountMinor, currency: payment.currency.toUpperCase() })}` : "";
  return {
    messageId: `order-${order.number}-refund-${payment.providerPaymentId}@${host()}`,
    from: from(),
    to: { name: order.name, address: order.email },
    subject: `Order ${order.number}: your payment is refunded`,
    text: `Dear ${order.name},\n\n${why} We have refunded that payment${amount} in full; depending on your bank it shows within 5–7 working days.\n\n${next}\n`,
  };
}
