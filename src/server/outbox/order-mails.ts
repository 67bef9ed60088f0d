import type { payments } from "@/db/schema";
import { isRefundReason, type RefundReason } from "@/domain/checkout/apply-payment";
import type { Order } from "@/domain/checkout/order-view";
import type { Money } from "@/domain/money";
import { VENUE } from "@/domain/venue";
import { formatMoney, formatWhen } from "@/components/format";
import type { Locale } from "@/i18n/locales";
import { translatorFor } from "@/i18n/translator";
import { config } from "../config";
import type { Message } from "../mail/mailer";
import { orderAccessKey, orderPath } from "../order-access";
import { entryWindowText, localeOf, visitInfoFor, visitsOf } from "../visit-info";

const host = () => new URL(config().publicUrl).hostname;
const from = () => `"${VENUE.name}" <tickets@${host()}>`;
const link = (order: Order) => `${config().publicUrl}${orderPath(order.id)}`;
const calendarLink = (order: Order) => `${config().publicUrl}/api/orders/${order.id}/calendar.ics?key=${orderAccessKey(order.id)}`;

/** Every order mail is written in the language its buyer booked in (orders.locale), money and dates too. */
const writerFor = (locale: Locale) => ({ locale, t: translatorFor(locale, "mail"), money: (money: Money) => formatMoney(money, locale), when: (iso: string) => formatWhen(iso, config().venueTimeZone, locale) });
type Writer = ReturnType<typeof writerFor>;
const writer = (order: Order) => writerFor(localeOf(order.locale));

const to = (order: Order) => ({ name: order.name, address: order.email });
const letter = (w: Writer, name: string, ...paragraphs: string[]) => `${w.t("greeting", { name })}\n\n${paragraphs.join("\n\n")}\n`;

/** Where, when to arrive, what to bring: the museum's visit information for the order's visits. */
function visitBlock(w: Writer, order: Order): string {
  const v = translatorFor(w.locale, "visit");
  const info = visitInfoFor(w.locale);
  const entries = visitsOf(order.tickets).map((visit) => `  ${entryWindowText(visit, w.locale)}`);
  return [
    `${v("heading")}\n${entries.join("\n")}`,
    `${v("addressHeading")}: ${info.address}\n${w.t("mapLink", { url: info.mapUrl })}`,
    `${v("bringHeading")}: ${info.bring}`,
    `${v("accessibilityHeading")}: ${info.accessibility}`,
  ].join("\n\n");
}

const ATTACHED_PDF = (order: Order, pdf: Buffer) => [{ filename: `tickets-${order.number}.pdf`, content: pdf, contentType: "application/pdf" }];

/** The confirmation: the tickets as a PDF, the visit's information, and the order's access link, which is how a guest comes back to it. */
export function confirmationMail(order: Order, pdf: Buffer): Message {
  const w = writer(order);
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
    to: to(order),
    subject: w.t("confirmationSubject", { number: order.number }),
    text: letter(
      w,
      order.name,
      w.t("confirmationIntro", { venue: VENUE.name }),
      `${lines}\n${w.t("totalPaid", { amount: w.money(order.total) })}`,
      visitBlock(w, order),
      `${w.t("yourOrder", { url: link(order) })}\n${w.t("addToCalendar", { url: calendarLink(order) })}\n${w.t("findBooking", { url: `${config().publicUrl}/find-booking` })}`,
    ),
    attachments: ATTACHED_PDF(order, pdf),
  };
}

const bookAgain = (w: Writer) => w.t("bookAgain", { url: `${config().publicUrl}/exhibitions` });

const mismatch = (w: Writer, order: Order) => ({ why: w.t("mismatch", { number: order.number, total: w.money(order.total) }), next: w.t("yourOrder", { url: link(order) }) });

/** Why a payment came back, in the buyer's words, and what they can do now. */
const REFUND_STORIES: Record<RefundReason, (w: Writer, order: Order) => { why: string; next: string }> = {
  late_no_room: (w, order) => ({ why: w.t("lateNoRoom", { number: order.number }), next: `${w.t("sorry")} ${bookAgain(w)}` }),
  second_capture: (w, order) => ({ why: w.t("secondCapture", { number: order.number }), next: w.t("ticketsUnchanged", { url: link(order) }) }),
  order_closed: (w, order) => ({ why: w.t("orderClosed", { number: order.number }), next: bookAgain(w) }),
  amount_mismatch: mismatch,
  currency_mismatch: mismatch,
  amount_missing: mismatch,
};

/** When a captured payment could not become tickets: the money is back, and we say why. */
export function refundMail(order: Order, payment: Pick<typeof payments.$inferSelect, "providerPaymentId" | "amountMinor" | "currency" | "refundReason">): Message {
  const w = writer(order);
  const reason = payment.refundReason && isRefundReason(payment.refundReason) ? payment.refundReason : "order_closed";
  const { why, next } = REFUND_STORIES[reason](w, order);
  const known = payment.amountMinor !== null && payment.currency && /^[a-z]{3}$/i.test(payment.currency);
  const refunded = known ? w.t("refunded", { amount: w.money({ amount: payment.amountMinor!, currency: payment.currency!.toUpperCase() }) }) : w.t("refundedNoAmount");
  return {
    messageId: `order-${order.number}-refund-${payment.providerPaymentId}@${host()}`,
    from: from(),
    to: to(order),
    subject: w.t("refundSubject", { number: order.number }),
    text: letter(w, order.name, `${why} ${refunded}`, next),
  };
}

/** A slot staff cancelled, as its buyers' e-mails name it. */
export type CancelledSlot = { id: string; title: string; startsAt: string; reason: string | null };

const cancelled = (w: Writer, slot: CancelledSlot) =>
  slot.reason ? w.t("slotCancelledBecause", { title: slot.title, when: w.when(slot.startsAt), reason: slot.reason }) : w.t("slotCancelled", { title: slot.title, when: w.when(slot.startsAt) });
const slotMessage = (order: Order, slot: CancelledSlot, what: string, subject: (w: Writer) => string, text: (w: Writer) => string): Message => {
  const w = writer(order);
  return { messageId: `order-${order.number}-${what}-${slot.id}@${host()}`, from: from(), to: to(order), subject: subject(w), text: letter(w, order.name, `${cancelled(w, slot)} ${text(w)}`) };
};

const ticketLines = (w: Writer, tickets: Order["tickets"]) => tickets.map((ticket) => `  ${ticket.ticketType.name}, ${ticket.exhibition.title}, ${w.when(ticket.startsAt)}`).join("\n");

/** The slot was cancelled and the buyer's tickets moved: the new time and the new tickets (the old ones no longer admit). */
export function slotMovedMail(order: Order, slot: CancelledSlot, pdf: Buffer): Message {
  return {
    ...slotMessage(order, slot, "moved", (w) => w.t("movedSubject", { number: order.number }), (w) => `${w.t("moved")}\n\n${ticketLines(w, order.tickets)}\n\n${w.t("yourOrder", { url: link(order) })}`),
    attachments: ATTACHED_PDF(order, pdf),
  };
}

/** The slot was cancelled and the buyer's tickets for it refunded: how much, and that it is on its way. */
export function slotRefundedMail(order: Order, slot: CancelledSlot, refunded: Money): Message {
  return slotMessage(order, slot, "refunded", (w) => w.t("slotRefundedSubject", { number: order.number }), (w) => `${w.t("slotRefunded", { amount: w.money(refunded) })}\n\n${bookAgain(w)}`);
}

/** The slot was cancelled while the buyer's order waited for payment: it is cancelled, nothing was charged. */
export function slotCancelledMail(order: Order, slot: CancelledSlot): Message {
  return slotMessage(order, slot, "cancelled", (w) => w.t("orderCancelledSubject", { number: order.number }), (w) => `${w.t("orderCancelled", { number: order.number })}\n\n${bookAgain(w)}`);
}

/** The confirmation again, on a visitor's request at the desk: a message of its own, so a mail server that drops repeats of one id still delivers it. */
export function resentConfirmationMail(order: Order, pdf: Buffer, resendId: string): Message {
  return { ...confirmationMail(order, pdf), messageId: `order-${order.number}-resend-${resendId}@${host()}` };
}

/** The desk refunded some tickets: which, how much, and that the money is on its way. */
export function deskRefundMail(order: Order, refunded: Order["tickets"], amount: Money, subjectId: string): Message {
  const w = writer(order);
  const left = order.tickets.some((ticket) => ticket.status === "valid");
  const money = amount.amount > 0 ? w.t("deskRefundMoney", { amount: w.money(amount) }) : w.t("deskRefundFree");
  return {
    messageId: `order-${order.number}-desk-refund-${subjectId}@${host()}`,
    from: from(),
    to: to(order),
    subject: w.t("deskRefundSubject", { number: order.number }),
    text: letter(w, order.name, w.t("deskRefundIntro", { count: refunded.length, number: order.number }), ticketLines(w, refunded), left ? `${money} ${w.t("otherTicketsValid", { url: link(order) })}` : money),
  };
}

/** The desk moved some tickets to another time: the order's valid tickets attached (the moved ones have new codes; the old ones no longer admit). */
export function deskMovedMail(order: Order, pdf: Buffer, subjectId: string): Message {
  const w = writer(order);
  return {
    messageId: `order-${order.number}-desk-move-${subjectId}@${host()}`,
    from: from(),
    to: to(order),
    subject: w.t("movedSubject", { number: order.number }),
    text: letter(w, order.name, w.t("deskMoved"), ticketLines(w, order.tickets), w.t("yourOrder", { url: link(order) })),
    attachments: ATTACHED_PDF(order, pdf),
  };
}

/** "Find my booking": the links to the orders bought with an address, in the language the visitor asked in. */
export function lookupMail(email: string, locale: Locale, orders: Order[], lookupId: string): Message {
  const w = writerFor(locale);
  const lines = orders.map((order) => {
    const first = visitsOf(order.tickets)[0]?.startsAt ?? order.items[0]?.startsAt;
    const args = { number: order.number, when: first ? w.when(first) : "", url: link(order) };
    return `  ${order.status === "pending_payment" ? w.t("lookupOrderUnpaid", args) : w.t("lookupOrder", args)}`;
  });
  return {
    messageId: `order-lookup-${lookupId}@${host()}`,
    from: from(),
    to: email,
    subject: w.t("lookupSubject", { venue: VENUE.name }),
    text: `${w.t("lookupIntro")}\n\n${lines.join("\n")}\n\n${w.t("lookupNotYou")}\n`,
  };
}
