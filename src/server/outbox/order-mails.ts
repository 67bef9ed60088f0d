import type { payments } from "@/db/schema";
import { isRefundReason, type RefundReason } from "@/domain/checkout/apply-payment";
import type { Order } from "@/domain/checkout/order-view";
import type { Money } from "@/domain/money";
import { VENUE } from "@/domain/venue";
import { formatMoney, formatWhen } from "@/components/format";
import { config } from "../config";
import type { Message } from "../mail/mailer";
import { orderPath } from "../order-access";

const host = () => new URL(config().publicUrl).hostname;
const from = () => `"${VENUE.name}" <tickets@${host()}>`;
const link = (order: Order) => `${config().publicUrl}${orderPath(order.id)}`;

/** The confirmation: the tickets as a PDF and the order's access link, which is how a guest comes back to it. */
export function confirmationMail(order: Order, pdf: Buffer): Message {
  // From the tickets that admit, not the order's lines: a resend after the desk refunded some must not promise them.
  const counts = new Map<string, number>();
  for (const ticket of order.tickets.filter((one) => one.status !== "void")) {
    const line = `${ticket.ticketType.name}, ${ticket.exhibition.title}`;
    counts.set(line, (counts.get(line) ?? 0) + 1);
  }
  const lines = [...counts].map(([line, quantity]) => `  ${quantity} × ${line}`).join("\n");
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

/** A slot staff cancelled, as its buyers' e-mails name it. */
export type CancelledSlot = { id: string; title: string; startsAt: string; reason: string | null };

const cancelled = (slot: CancelledSlot) =>
  `We are sorry: the visit to ${slot.title} on ${formatWhen(slot.startsAt, config().venueTimeZone)} is cancelled${slot.reason ? ` (${slot.reason})` : ""}.`;
const slotMessage = (order: Order, slot: CancelledSlot, what: string, subject: string, text: string): Message => ({
  messageId: `order-${order.number}-${what}-${slot.id}@${host()}`,
  from: from(),
  to: { name: order.name, address: order.email },
  subject,
  text: `Dear ${order.name},\n\n${cancelled(slot)} ${text}\n`,
});

/** The slot was cancelled and the buyer's tickets moved: the new time and the new tickets (the old ones no longer admit). */
export function slotMovedMail(order: Order, slot: CancelledSlot, pdf: Buffer): Message {
  const lines = order.tickets.map((ticket) => `  ${ticket.ticketType.name}, ${ticket.exhibition.title}, ${formatWhen(ticket.startsAt, config().venueTimeZone)}`).join("\n");
  return {
    ...slotMessage(order, slot, "moved", `Order ${order.number}: your visit has a new time`, `We have moved your tickets to another time. Your new tickets are attached; the ones you had before no longer admit.\n\n${lines}\n\nYour order, any time: ${link(order)}`),
    attachments: [{ filename: `tickets-${order.number}.pdf`, content: pdf, contentType: "application/pdf" }],
  };
}

/** The slot was cancelled and the buyer's tickets for it refunded: how much, and that it is on its way. */
export function slotRefundedMail(order: Order, slot: CancelledSlot, refunded: Money): Message {
  return slotMessage(order, slot, "refunded", `Order ${order.number}: your visit is cancelled and refunded`, `We are refunding ${formatMoney(refunded)} for those tickets to the way you paid; depending on your bank it shows within 5–7 working days.\n\n${BOOK_AGAIN()}`);
}

/** The slot was cancelled while the buyer's order waited for payment: it is cancelled, nothing was charged. */
export function slotCancelledMail(order: Order, slot: CancelledSlot): Message {
  return slotMessage(order, slot, "cancelled", `Order ${order.number} is cancelled`, `Your order ${order.number} had not been paid yet, so we have cancelled it: nothing was charged.\n\n${BOOK_AGAIN()}`);
}

const ticketLines = (tickets: Order["tickets"]) => tickets.map((ticket) => `  ${ticket.ticketType.name}, ${ticket.exhibition.title}, ${formatWhen(ticket.startsAt, config().venueTimeZone)}`).join("\n");

/** The confirmation again, on a visitor's request at the desk: a message of its own, so a mail server that drops repeats of one id still delivers it. */
export function resentConfirmationMail(order: Order, pdf: Buffer, resendId: string): Message {
  return { ...confirmationMail(order, pdf), messageId: `order-${order.number}-resend-${resendId}@${host()}` };
}

/** The desk refunded some tickets: which, how much, and that the money is on its way. */
export function deskRefundMail(order: Order, refunded: Order["tickets"], amount: Money, subjectId: string): Message {
  const left = order.tickets.some((ticket) => ticket.status === "valid");
  return {
    messageId: `order-${order.number}-desk-refund-${subjectId}@${host()}`,
    from: from(),
    to: { name: order.name, address: order.email },
    subject: `Order ${order.number}: tickets refunded`,
    text: `Dear ${order.name},\n\nAs asked, we have cancelled ${refunded.length === 1 ? "this ticket" : `these ${refunded.length} tickets`} of order ${order.number}:\n\n${ticketLines(refunded)}\n\n${
      amount.amount > 0 ? `We are refunding ${formatMoney(amount)} to the way you paid; depending on your bank it shows within 5–7 working days.` : "They were free, so there is no money to return."
    }${left ? ` Your other tickets are unchanged and valid: ${link(order)}` : ""}\n`,
  };
}

/** The desk moved some tickets to another time: the order's valid tickets attached (the moved ones have new codes; the old ones no longer admit). */
export function deskMovedMail(order: Order, pdf: Buffer, subjectId: string): Message {
  return {
    messageId: `order-${order.number}-desk-move-${subjectId}@${host()}`,
    from: from(),
    to: { name: order.name, address: order.email },
    subject: `Order ${order.number}: your visit has a new time`,
    text: `Dear ${order.name},\n\nAs asked, we have moved your tickets to another time. Your tickets are attached; the ones you had before no longer admit.\n\n${ticketLines(order.tickets)}\n\nYour order, any time: ${link(order)}\n`,
    attachments: [{ filename: `tickets-${order.number}.pdf`, content: pdf, contentType: "application/pdf" }],
  };
}
