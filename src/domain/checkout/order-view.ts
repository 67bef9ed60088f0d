import { asc, desc, eq, inArray } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { exhibitions, orderItems, orders, tickets, ticketTypes, timeSlots } from "../../db/schema";
import { money, type Money } from "../money";

export type OrderStatus = (typeof orders.$inferSelect)["status"];
export type OrderItem = { id: string; slotId: string; startsAt: string; exhibition: { slug: string; title: string }; ticketType: { id: string; name: string }; quantity: number; unitPrice: Money; lineTotal: Money };
export type TicketView = { id: string; code: string; status: "valid" | "used" | "void"; exhibition: { slug: string; title: string }; slotId: string; startsAt: string; endsAt: string; ticketType: { name: string } };
export type Order = {
  id: string;
  number: string;
  status: OrderStatus;
  email: string;
  name: string;
  phone: string | null;
  items: OrderItem[];
  total: Money;
  expiresAt: string;
  paidAt: string | null;
  tickets: TicketView[];
  /** The language the buyer booked in (en, hi, kn): their e-mails and PDF follow it. */
  locale: string;
};

/** Orders as API.md's Order, in the order of the ids given. */
export async function loadOrders(db: Executor, orderIds: string[]): Promise<Order[]> {
  if (orderIds.length === 0) return [];
  const heads = await db.select().from(orders).where(inArray(orders.id, orderIds));
  const lines = await db
    .select({ item: orderItems, startsAt: timeSlots.startsAt, endsAt: timeSlots.endsAt, slug: exhibitions.slug, title: exhibitions.title, typeName: ticketTypes.name })
    .from(orderItems)
    .innerJoin(timeSlots, eq(timeSlots.id, orderItems.slotId))
    .innerJoin(exhibitions, eq(exhibitions.id, timeSlots.exhibitionId))
    .innerJoin(ticketTypes, eq(ticketTypes.id, orderItems.ticketTypeId))
    .where(inArray(orderItems.orderId, orderIds))
    .orderBy(asc(timeSlots.startsAt), asc(exhibitions.title), asc(ticketTypes.sortOrder));
  const issued = await db
    .select({ id: tickets.id, orderId: tickets.orderId, orderItemId: tickets.orderItemId, code: tickets.code, status: tickets.status })
    .from(tickets)
    .where(inArray(tickets.orderId, orderIds));

  return orderIds.flatMap((id) => {
    const head = heads.find((candidate) => candidate.id === id);
    if (!head) return [];
    const own = lines.filter((line) => line.item.orderId === id);
    return [
      {
        id,
        number: head.number,
        status: head.status,
        email: head.email,
        name: head.name,
        phone: head.phone,
        items: own.map(({ item, startsAt, slug, title, typeName }) => ({
          id: item.id,
          slotId: item.slotId,
          startsAt: startsAt.toISOString(),
          exhibition: { slug, title },
          ticketType: { id: item.ticketTypeId, name: typeName },
          quantity: item.quantity,
          unitPrice: money(item.unitPriceMinor, head.currency),
          lineTotal: money(item.unitPriceMinor * item.quantity, head.currency),
        })),
        total: money(head.totalMinor, head.currency),
        expiresAt: head.expiresAt.toISOString(),
        paidAt: head.paidAt?.toISOString() ?? null,
        locale: head.locale,
        tickets: issued
          .filter((ticket) => ticket.orderId === id)
          // By visit time, exhibition and ticket type (the lines' order), then code: as the visitor reads them.
          .sort((a, b) => own.findIndex((line) => line.item.id === a.orderItemId) - own.findIndex((line) => line.item.id === b.orderItemId) || a.code.localeCompare(b.code))
          .map((ticket) => {
            const line = own.find((candidate) => candidate.item.id === ticket.orderItemId)!;
            return { id: ticket.id, code: ticket.code, status: ticket.status, exhibition: { slug: line.slug, title: line.title }, slotId: line.item.slotId, startsAt: line.startsAt.toISOString(), endsAt: line.endsAt.toISOString(), ticketType: { name: line.typeName } };
          }),
      },
    ];
  });
}

export async function loadOrder(db: Executor, orderId: string): Promise<Order | undefined> {
  return (await loadOrders(db, [orderId]))[0];
}

/** A signed-in visitor's orders, newest first. */
export async function ordersOfUser(db: Executor, userId: string): Promise<Order[]> {
  const ids = await db.select({ id: orders.id }).from(orders).where(eq(orders.userId, userId)).orderBy(desc(orders.createdAt));
  return loadOrders(db, ids.map((row) => row.id));
}
