import QRCode from "qrcode";
import type { Order, TicketView } from "@/domain/checkout/order-view";
import { signTicket } from "@/domain/tickets/ticket-token";
import { ticketSigningKeys } from "./ticket-keys";

export type ApiTicket = TicketView & { qrUrl: string };
export type ApiOrder = Omit<Order, "tickets"> & { tickets: ApiTicket[] };

/** The signed token a ticket's QR code carries. */
export function ticketToken(order: Order, ticket: TicketView): string {
  return signTicket({ code: ticket.code, order: order.number, startsAt: ticket.startsAt, exhibition: ticket.exhibition.title, ticketType: ticket.ticketType.name }, ticketSigningKeys().privateKey);
}

/** API.md's Order: each ticket with its QR code as an SVG data URL, so it shows on a phone offline. */
export async function withQrCodes(order: Order): Promise<ApiOrder> {
  const tickets = await Promise.all(
    order.tickets.map(async (ticket) => {
      const svg = await QRCode.toString(ticketToken(order, ticket), { type: "svg", errorCorrectionLevel: "M", margin: 2 });
      return { ...ticket, qrUrl: `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}` };
    }),
  );
  return { ...order, tickets };
}
