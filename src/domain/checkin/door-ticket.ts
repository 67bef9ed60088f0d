import { eq } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { exhibitions, orderItems, orders, tickets, ticketTypes, timeSlots } from "../../db/schema";
import type { TicketView } from "../checkout/order-view";

/** A ticket as the door sees it: what it is for, whose it is, and whether it was used or voided. */
export type DoorTicket = {
  ticket: TicketView;
  order: { number: string; name: string };
  checkedInAt: Date | null;
  gate: string | null;
  voidReason: string | null;
  slot: { startsAt: Date; endsAt: Date };
};

// Crockford's base32 as people type it: any case, any separators, and the letters it reads as digits.
const CROCKFORD_READS: Record<string, string> = { O: "0", I: "1", L: "1" };

/** A ticket code as typed or read out (`abcd efgh-…`, O for 0), written as issued; undefined when it cannot be one. */
export function normalCode(typed: string): string | undefined {
  const plain = typed.toUpperCase().replace(/[\s-]/g, "").replace(/[OIL]/g, (letter) => CROCKFORD_READS[letter]!);
  if (!/^[0-9A-HJKMNP-TV-Z]{16}$/.test(plain)) return undefined;
  return plain.match(/.{4}/g)!.join("-");
}

/** The ticket with this code, as issued or as typed, or undefined. */
export async function findDoorTicket(db: Executor, typed: string, { lock = false } = {}): Promise<DoorTicket | undefined> {
  const code = normalCode(typed);
  if (!code) return undefined;
  const query = db
    .select({
      id: tickets.id,
      code: tickets.code,
      status: tickets.status,
      checkedInAt: tickets.checkedInAt,
      gate: tickets.checkedInGate,
      voidReason: tickets.voidReason,
      slotId: timeSlots.id,
      startsAt: timeSlots.startsAt,
      endsAt: timeSlots.endsAt,
      slug: exhibitions.slug,
      title: exhibitions.title,
      typeName: ticketTypes.name,
      number: orders.number,
      name: orders.name,
    })
    .from(tickets)
    .innerJoin(orderItems, eq(orderItems.id, tickets.orderItemId))
    .innerJoin(timeSlots, eq(timeSlots.id, orderItems.slotId))
    .innerJoin(exhibitions, eq(exhibitions.id, timeSlots.exhibitionId))
    .innerJoin(ticketTypes, eq(ticketTypes.id, orderItems.ticketTypeId))
    .innerJoin(orders, eq(orders.id, tickets.orderId))
    .where(eq(tickets.code, code))
    .$dynamic();
  const [row] = await (lock ? query.for("update", { of: tickets }) : query);
  if (!row) return undefined;
  return {
    ticket: {
      id: row.id,
      code: row.code,
      status: row.status,
      exhibition: { slug: row.slug, title: row.title },
      slotId: row.slotId,
      startsAt: row.startsAt.toISOString(),
      endsAt: row.endsAt.toISOString(),
      ticketType: { name: row.typeName },
    },
    order: { number: row.number, name: row.name },
    checkedInAt: row.checkedInAt,
    gate: row.gate,
    voidReason: row.voidReason,
    slot: { startsAt: row.startsAt, endsAt: row.endsAt },
  };
}
