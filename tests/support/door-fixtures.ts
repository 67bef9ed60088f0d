import type { Database } from "@/db/client";
import { entryWindow } from "@/domain/checkin/entry-window";
import { signTicket, ticketKeys, type TicketClaims } from "@/domain/tickets/ticket-token";
import { bookableShow, settings, testCtx } from "./cart-fixtures";
import { placeOrder, ticketsWithSlots } from "./slot-fixtures";

const DAY_MS = 86_400_000;

/**
 * A paid order of `quantity` adult tickets for a new slot starting at `startsAt` (now unless
 * told): booked a day before, when the slot was still on sale.
 */
export async function doorTickets(db: Database, quantity = 1, startsAt = new Date()) {
  const clock = { now: new Date(startsAt.getTime() - DAY_MS) };
  const show = await bookableShow(db, clock.now, { capacity: Math.max(20, quantity) });
  const order = await placeOrder(testCtx(db, clock, { maxTicketsPerOrder: quantity, maxCartTickets: quantity }), [{ slotId: show.slot.id, ticketTypeId: show.adult.id, quantity }]);
  const tickets = await ticketsWithSlots(db, order.id);
  const claims = (ticket: (typeof tickets)[number]): TicketClaims => ({
    code: ticket.code,
    order: order.number,
    startsAt: show.slot.startsAt.toISOString(),
    exhibition: show.exhibition.title,
    ticketType: show.adult.name,
    ticket: ticket.id,
    slot: show.slot.id,
    window: entryWindow(show.slot, settings),
  });
  return { order, slot: show.slot, tickets: tickets.map((ticket) => ({ ...ticket, claims: claims(ticket) })) };
}

/** The token a ticket's QR code carries, signed as a server with this AUTH_SECRET signs it (src/server/tickets/ticket-qr.ts). */
export const tokenOf = (claims: TicketClaims, authSecret: string) => signTicket(claims, ticketKeys(authSecret).privateKey);
