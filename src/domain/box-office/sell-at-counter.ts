import { eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { exhibitions, orderItems, orders, outbox, payments, ticketTypes, timeSlots } from "../../db/schema";
import { lockSlots, takeCounterPlaces } from "../availability/holds";
import { takeBeforeExpiredHolds } from "../availability/hold-places";
import { clockTime } from "../calendar/venue-time";
import { loadOrder, type Order } from "../checkout/order-view";
import { withTransaction, type Ctx } from "../context";
import { DomainError } from "../errors";
import { parseInput } from "../parse-input";
import { audit } from "../staff/audit";
import { authorize } from "../staff/authorize";
import { issueTickets } from "../tickets/issue-tickets";
import { saleInput, WALK_UP_NAME, type SaleInput } from "./sale-input";

type Line = SaleInput["items"][number];
type PricedLine = Line & { exhibitionId: string; unitPriceMinor: number; consumesCapacity: boolean };
type SlotRow = { id: string; exhibitionId: string; startsAt: Date; endsAt: Date; status: string; capacity: number; held: number; sold: number; exhibitionStatus: string };

/**
 * Sells tickets at the counter: a paid order with its tickets at once, all lines or none. Places
 * are taken by the counter's conditional update (invariant 10), slots locked in id order first
 * (invariant 6); the visitors' per-order limit does not apply (a school group), MAX_COUNTER_SALE_TICKETS
 * does. The payment is a `payments` row named after the method, applied at once: an `invoice` one
 * is money still owed, which the till and the reports tell apart by that name. With an e-mail the
 * buyer gets the confirmation through the outbox, as a visitor does. Audited as `order.sale`.
 */
export async function sellAtCounter({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<Order> {
  const actor = authorize(ctx, "staff");
  const sale = parseInput(saleInput, input);
  return withTransaction(ctx, async ({ db }) => {
    const now = ctx.now();
    const lines = await priceLines(db, mergeLines(sale.items));
    const slots = await sellableSlots(db, lines, now, ctx.settings.venueTimeZone);
    await lockSlots(db, [...slots.keys()]);
    for (const [slotId, places] of placesPerSlot(lines)) {
      if (!(await takeBeforeExpiredHolds(db, slotId, now, () => takeCounterPlaces(db, slotId, places, now)))) throw await noRoom(db, slots.get(slotId)!, lines, now, ctx.settings.venueTimeZone);
    }

    const totalMinor = lines.reduce((sum, line) => sum + line.unitPriceMinor * line.quantity, 0);
    const [{ number }] = (await db.execute<{ number: string }>(sql`SELECT nextval('order_numbers')::text AS number`)).rows as [{ number: string }];
    const [order] = await db
      .insert(orders)
      .values({
        number,
        status: "paid",
        name: sale.name || WALK_UP_NAME,
        email: sale.email ?? "",
        totalMinor,
        currency: ctx.settings.currency,
        provider: sale.payment,
        expiresAt: now,
        paidAt: now,
        channel: "box_office",
        soldBy: actor.userId,
        createdAt: now,
      })
      .returning({ id: orders.id });
    const orderId = order!.id;
    const items = await db
      .insert(orderItems)
      .values(lines.map((line) => ({ orderId, slotId: line.slotId, ticketTypeId: line.ticketTypeId, quantity: line.quantity, unitPriceMinor: line.unitPriceMinor, consumesCapacity: line.consumesCapacity })))
      .returning({ id: orderItems.id, quantity: orderItems.quantity });
    await issueTickets(db, orderId, items, now);
    // Refunds name this row; the counter's "provider" gives money back by hand (payment-provider.ts).
    await db.insert(payments).values({
      provider: sale.payment,
      providerPaymentId: `counter-${orderId}`,
      orderId,
      amountMinor: totalMinor,
      currency: ctx.settings.currency,
      status: "applied",
      eventId: `counter-sale-${orderId}`,
      capturedAt: now,
    });
    if (sale.email) await db.insert(outbox).values({ kind: "confirmation", orderId, createdAt: now });
    await audit({ ...ctx, db }, actor, {
      action: "order.sale",
      entityType: "order",
      entityId: orderId,
      after: { number, payment: sale.payment, totalMinor, items: lines.map(({ slotId, ticketTypeId, quantity }) => ({ slotId, ticketTypeId, quantity })), name: sale.name ?? null, email: sale.email ?? null },
    });
    return (await loadOrder(db, orderId))!;
  });
}

/** Two lines of the same slot and ticket type are one: the order shows one line per pair, as a cart does. */
function mergeLines(items: Line[]): Line[] {
  const merged = new Map<string, Line>();
  for (const item of items) {
    const key = `${item.slotId} ${item.ticketTypeId}`;
    const seen = merged.get(key);
    merged.set(key, seen ? { ...seen, quantity: seen.quantity + item.quantity } : { ...item });
  }
  return [...merged.values()];
}

/** Each line at its ticket type's current price; 422 ticket_type_unavailable for one that is unknown or no longer sold. */
async function priceLines(db: Executor, lines: Line[]): Promise<PricedLine[]> {
  const types = await db.select().from(ticketTypes).where(inArray(ticketTypes.id, lines.map((line) => line.ticketTypeId)));
  return lines.map((line) => {
    const type = types.find((candidate) => candidate.id === line.ticketTypeId);
    if (!type?.active) throw new DomainError("ticket_type_unavailable", "That ticket type is not on sale.", { ticketTypeId: line.ticketTypeId });
    return { ...line, exhibitionId: type.exhibitionId, unitPriceMinor: type.priceMinor, consumesCapacity: type.consumesCapacity };
  });
}

/**
 * The lines' slots, when the counter may sell them: 404 for an unknown slot or one of an exhibition
 * not on show, 422 slot_closed for a cancelled or ended one, 422 ticket_type_unavailable for a
 * ticket type of another exhibition than its slot.
 */
async function sellableSlots(db: Executor, lines: PricedLine[], now: Date, timeZone: string): Promise<Map<string, SlotRow>> {
  const rows = await db
    .select({ id: timeSlots.id, exhibitionId: timeSlots.exhibitionId, startsAt: timeSlots.startsAt, endsAt: timeSlots.endsAt, status: timeSlots.status, capacity: timeSlots.capacity, held: timeSlots.held, sold: timeSlots.sold, exhibitionStatus: exhibitions.status })
    .from(timeSlots)
    .innerJoin(exhibitions, eq(exhibitions.id, timeSlots.exhibitionId))
    .where(inArray(timeSlots.id, lines.map((line) => line.slotId)));
  const slots = new Map(rows.map((row) => [row.id, row]));
  for (const line of lines) {
    const slot = slots.get(line.slotId);
    if (!slot || slot.exhibitionStatus !== "published") throw new DomainError("not_found", "There is no such time slot.", { slotId: line.slotId });
    if (slot.exhibitionId !== line.exhibitionId) throw new DomainError("ticket_type_unavailable", "That ticket type is for another exhibition.", { slotId: line.slotId, ticketTypeId: line.ticketTypeId });
    const time = clockTime(slot.startsAt, timeZone);
    if (slot.status === "cancelled") throw new DomainError("slot_closed", `The ${time} slot is cancelled.`, { slotId: slot.id });
    if (slot.endsAt.getTime() <= now.getTime()) throw new DomainError("slot_closed", `The ${time} slot is over.`, { slotId: slot.id });
  }
  return slots;
}

/** The places each slot's lines take, by slot id (the order the slots were locked in). */
function placesPerSlot(lines: PricedLine[]): [string, number][] {
  const places = new Map<string, number>();
  for (const line of lines) if (line.consumesCapacity) places.set(line.slotId, (places.get(line.slotId) ?? 0) + line.quantity);
  return [...places].sort(([a], [b]) => a.localeCompare(b));
}

/**
 * Why the slot's places could not be taken: 422 slot_closed when it was cancelled or ended while
 * the sale waited for its lock (the conditional update refuses those too), else 409 with the
 * places it has left and the lines that asked for it.
 */
async function noRoom(db: Executor, slot: SlotRow, lines: PricedLine[], now: Date, timeZone: string): Promise<DomainError> {
  const [current] = await db.select({ capacity: timeSlots.capacity, held: timeSlots.held, sold: timeSlots.sold, status: timeSlots.status, endsAt: timeSlots.endsAt }).from(timeSlots).where(eq(timeSlots.id, slot.id));
  const time = clockTime(slot.startsAt, timeZone);
  if (current!.status === "cancelled") return new DomainError("slot_closed", `The ${time} slot is cancelled.`, { slotId: slot.id });
  if (current!.endsAt.getTime() <= now.getTime()) return new DomainError("slot_closed", `The ${time} slot is over.`, { slotId: slot.id });
  const available = Math.max(0, current!.capacity - current!.held - current!.sold);
  const details = { available, slotId: slot.id, ticketTypeIds: lines.filter((line) => line.slotId === slot.id).map((line) => line.ticketTypeId) };
  if (available === 0) return new DomainError("sold_out", `The ${time} slot is sold out.`, details);
  return new DomainError("insufficient_capacity", `Only ${available} ${available === 1 ? "place" : "places"} left for ${time}; nothing was sold.`, details);
}
