import { inArray, sql } from "drizzle-orm";
import QRCode from "qrcode";
import type { Executor } from "@/db/client";
import { tickets } from "@/db/schema";
import type { Order, TicketView } from "@/domain/checkout/order-view";
import { entryWindow } from "@/domain/checkin/entry-window";
import { signTicket } from "@/domain/tickets/ticket-token";
import { settings } from "../request-context";
import { ticketSigningKeys } from "./ticket-keys";

const QR_CODES_PER_TURN = 10;

export type ApiTicket = TicketView & { qrUrl: string };
export type ApiOrder = Omit<Order, "tickets"> & { tickets: ApiTicket[] };

/** The signed token a ticket's QR code carries, with the entry window of today's settings: an offline scanner judges the time by it. */
export function ticketToken(order: Order, ticket: TicketView): string {
  const window = entryWindow({ startsAt: new Date(ticket.startsAt), endsAt: new Date(ticket.endsAt) }, settings());
  return signTicket(
    { code: ticket.code, order: order.number, startsAt: ticket.startsAt, exhibition: ticket.exhibition.title, ticketType: ticket.ticketType.name, ticket: ticket.id, slot: ticket.slotId, window },
    ticketSigningKeys().privateKey,
  );
}

/**
 * The QR codes (SVG) of these orders' tickets, by ticket id. Each is drawn once, the first time it
 * is needed (the confirmation e-mail, usually), and kept with its ticket: drawing them is most of
 * what showing an order costs, and an order's page is opened again and again.
 */
export async function ticketQrCodes(db: Executor, orders: Order[]): Promise<Map<string, string>> {
  const wanted = orders.flatMap((order) => order.tickets.map((ticket) => ({ order, ticket })));
  if (wanted.length === 0) return new Map();
  const stored = await db.select({ id: tickets.id, qrSvg: tickets.qrSvg }).from(tickets).where(inArray(tickets.id, wanted.map(({ ticket }) => ticket.id)));
  const svgs = new Map(stored.flatMap((row) => (row.qrSvg ? [[row.id, row.qrSvg] as const] : [])));
  const missing = wanted.filter(({ ticket }) => !svgs.has(ticket.id));
  for (const [index, { order, ticket }] of missing.entries()) {
    // Each code is milliseconds of CPU: a counter sale's hundreds, drawn at one go, would stall every other request of the process.
    if (index % QR_CODES_PER_TURN === QR_CODES_PER_TURN - 1) await new Promise((resolve) => setImmediate(resolve));
    svgs.set(ticket.id, await QRCode.toString(ticketToken(order, ticket), { type: "svg", errorCorrectionLevel: "M", margin: 2 }));
  }
  if (missing.length > 0) {
    const ids = missing.map(({ ticket }) => ticket.id);
    await db.execute(sql`
      UPDATE tickets SET qr_svg = v.svg FROM unnest(${sql.param(ids)}::uuid[], ${sql.param(ids.map((id) => svgs.get(id)!))}::text[]) AS v(id, svg)
      WHERE tickets.id = v.id AND tickets.qr_svg IS NULL`);
  }
  return svgs;
}

/** API.md's Orders: each ticket with its QR code as an SVG data URL, so it shows on a phone offline. */
export async function withQrCodes(db: Executor, orders: Order[]): Promise<ApiOrder[]> {
  const svgs = await ticketQrCodes(db, orders);
  return orders.map((order) => ({
    ...order,
    tickets: order.tickets.map((ticket) => ({ ...ticket, qrUrl: `data:image/svg+xml;base64,${Buffer.from(svgs.get(ticket.id)!).toString("base64")}` })),
  }));
}
