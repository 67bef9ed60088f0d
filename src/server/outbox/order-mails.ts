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

/** When a late payment found the places gone: the money is back, and we say so. */
export function refundMail(order: Order): Message {
  return {
    messageId: `order-${order.number}-refund@${host()}`,
    from: from(),
    to: { name: order.name, address: order.email },
    subject: `Order ${order.number}: refunded`,
    text: `Dear ${order.name},\n\nYour payment for order ${order.number} reached us after the order's time to pay had run out, and the places had gone to other visitors in the meantime. We have refunded the full ${formatMoney(order.total)}; depending on your bank it shows within 5–7 working days.\n\nWe are sorry. You are welcome to book again: ${config().publicUrl}/exhibitions\n`,
  };
}
