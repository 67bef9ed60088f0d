import { eq, sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { orders, outbox, timeSlots } from "../../db/schema";
import { lockSlots, releaseHold } from "../availability/holds";
import { lockCartsById } from "../cart/cart-lock";
import { lockOrderPlaces } from "../checkout/order-places";
import { withTransaction, type Ctx } from "../context";
import { DomainError } from "../errors";
import { refundTickets } from "../refunds/refund-tickets";
import { audit } from "../staff/audit";
import { authorize } from "../staff/authorize";
import { moveTickets, type LockedTicket } from "./move-tickets";

export type CancelOutcome = "refunded" | "moved" | "cancelled";
export type CancelledOrder = { id: string; number: string; outcome: CancelOutcome };
export type CancelSlotInput = { slotId: string; reason: string; moveTo?: string };

/** The e-mail each buyer gets, an outbox job per (kind, order, cancelled slot). */
export const SLOT_CANCEL_MAILS: Record<CancelOutcome, string> = { moved: "slot_moved", refunded: "slot_refunded", cancelled: "slot_cancelled" };
export const MAX_CANCEL_REASON = 500;
/** What a ticket refunded because its slot was cancelled says about itself. */
export const SLOT_CANCELLED_VOID = "slot cancelled";

type SlotRow = typeof timeSlots.$inferSelect;

/**
 * Cancels a slot, in one transaction: it never sells again; its cart lines are removed and their
 * places given back (carts and availability update live through the tables' triggers); unpaid
 * orders with a line on it are cancelled and give back all their places; each paid order's valid
 * tickets on it are moved to `moveTo` all or nothing when it has the room (moveTickets), else
 * refunded (refundTickets). Its waiting list ends: entries waiting or holding an offer lapse, and
 * the offers' places leave `held` (they were live holds). Every buyer concerned gets an e-mail
 * through the outbox, refunds leave through the outbox too (invariants 7 and 11), and the whole
 * change is one audit entry. Tickets used at the door stay as they are. A cancelled slot cannot be cancelled again: 422 slot_closed.
 */
export async function cancelSlot({ ctx, input }: { ctx: Ctx; input: CancelSlotInput }): Promise<CancelledOrder[]> {
  const actor = authorize(ctx, "admin");
  const reason = input.reason.trim();
  if (reason.length === 0 || reason.length > MAX_CANCEL_REASON || reason.includes("\u0000")) {
    throw new DomainError("invalid_request", `Say why the slot is cancelled, in 1 to ${MAX_CANCEL_REASON} characters, without NUL.`, { fields: { reason: `must be 1–${MAX_CANCEL_REASON} characters, without NUL` } });
  }
  return withTransaction(ctx, async (tx) => {
    const { db } = tx;
    const now = ctx.now();
    const slot = await slotRow(db, input.slotId);
    if (!slot) throw new DomainError("not_found", "There is no such time slot.");
    if (slot.status === "cancelled") throw new DomainError("slot_closed", "This slot is already cancelled.");
    if (input.moveTo !== undefined) await checkTarget(db, slot, input.moveTo, now);

    // The waiting list's entries before the slots, in the order claiming and leaving take them.
    await db.execute(sql`SELECT id FROM waitlist_entries WHERE slot_id = ${slot.id} AND status IN ('waiting', 'offered') ORDER BY id FOR UPDATE`);
    const locked = await lockEverything(db, slot.id, input.moveTo);
    // Again under the locks: another cancel may have committed while we waited.
    const before = await slotRow(db, slot.id);
    if (before!.status === "cancelled") throw new DomainError("slot_closed", "This slot is already cancelled.");
    if (input.moveTo !== undefined) await checkTarget(db, slot, input.moveTo, now);
    await db.update(timeSlots).set({ status: "cancelled", cancelReason: reason }).where(eq(timeSlots.id, slot.id));
    const released = await removeCartLines(db, slot.id);
    const offersLapsed = await endWaitlist(db, slot.id);

    const outcomes: CancelledOrder[] = [];
    for (const order of locked.orders.filter((candidate) => candidate.status === "pending_payment")) {
      for (const place of await lockOrderPlaces(db, order.id)) await releaseHold(db, place.slotId, place.quantity);
      await db.update(orders).set({ status: "cancelled" }).where(eq(orders.id, order.id));
      outcomes.push({ id: order.id, number: order.number, outcome: "cancelled" });
    }
    const valid = await lockValidTickets(db, slot.id);
    for (const order of locked.orders.filter((candidate) => candidate.status === "paid")) {
      const own = valid.filter((ticket) => ticket.orderId === order.id);
      if (own.length === 0) continue;
      const moved = input.moveTo !== undefined && (await moveTickets(db, { orderId: order.id, fromSlotId: slot.id, toSlotId: input.moveTo, tickets: own, now }));
      if (!moved) await refundTickets({ ctx: tx, input: { orderId: order.id, ticketIds: own.map((ticket) => ticket.id), reason: `Slot cancelled: ${reason}`, voidReason: SLOT_CANCELLED_VOID } });
      outcomes.push({ id: order.id, number: order.number, outcome: moved ? "moved" : "refunded" });
    }
    for (const { id, outcome } of outcomes) {
      await db.insert(outbox).values({ kind: SLOT_CANCEL_MAILS[outcome], orderId: id, subjectId: slot.id, createdAt: now }).onConflictDoNothing();
    }

    const after = (await slotRow(db, slot.id))!;
    await audit(tx, actor, {
      action: "slot.cancel",
      entityType: "slot",
      entityId: slot.id,
      before: { status: before!.status, capacity: before!.capacity, held: before!.held, sold: before!.sold },
      after: { status: after.status, cancelReason: reason, held: after.held, sold: after.sold, moveTo: input.moveTo ?? null, cartPlacesReleased: released, offerPlacesReleased: offersLapsed, orders: outcomes },
    });
    return outcomes;
  });
}

const slotRow = async (db: Executor, id: string): Promise<SlotRow | undefined> => (await db.select().from(timeSlots).where(eq(timeSlots.id, id)))[0];

/** 422 unless `moveTo` is another slot of the same exhibition that has not started and is not cancelled. */
async function checkTarget(db: Executor, slot: SlotRow, moveTo: string, now: Date): Promise<void> {
  const target = await slotRow(db, moveTo);
  const fault =
    !target || target.exhibitionId !== slot.exhibitionId ? "must be a slot of the same exhibition"
    : target.id === slot.id ? "must be another slot than the one cancelled"
    : target.status === "cancelled" ? "is cancelled too"
    : target.startsAt.getTime() <= now.getTime() ? "has already started"
    : undefined;
  if (fault) throw new DomainError("slot_closed", `The slot to move visitors to ${fault}.`, { fields: { moveTo: fault } });
}

type LockedOrder = { id: string; number: string; status: string };

/**
 * Locks what the cancel changes the way every other change takes them (invariant 6): the carts
 * and orders with a line on the slot first, each set in id order, then all the slots concerned
 * (this one, the target, every slot of its unpaid orders) in id order, once. A line or an order
 * that appeared on the slot in between (a visitor's add or checkout that committed meanwhile) is
 * taken in a further round; should that wait on someone waiting for us, the lock timeout or the
 * deadlock detector rolls the cancel back as `busy`, changing nothing.
 */
async function lockEverything(db: Executor, slotId: string, moveTo: string | undefined): Promise<{ orders: LockedOrder[] }> {
  const carts = new Set<string>();
  const lockedOrders = new Map<string, LockedOrder>();
  const slots = new Set<string>();
  for (;;) {
    const { rows: cartRows } = await db.execute<{ cart_id: string }>(sql`SELECT DISTINCT cart_id FROM cart_items WHERE slot_id = ${slotId} ORDER BY cart_id`);
    const newCarts = cartRows.map((row) => row.cart_id).filter((id) => !carts.has(id));
    if (newCarts.length > 0) await lockCartsById(db, newCarts);
    newCarts.forEach((id) => carts.add(id));

    const { rows: orderRows } = await db.execute<{ id: string }>(sql`
      SELECT DISTINCT o.id FROM orders o JOIN order_items oi ON oi.order_id = o.id
      WHERE oi.slot_id = ${slotId} AND o.status IN ('pending_payment', 'paid') ORDER BY o.id`);
    const newOrders = orderRows.map((row) => row.id).filter((id) => !lockedOrders.has(id));
    if (newOrders.length > 0) {
      const { rows } = await db.execute<LockedOrder>(sql`SELECT id, number, status FROM orders WHERE id IN ${newOrders} ORDER BY id FOR UPDATE`);
      for (const row of rows) lockedOrders.set(row.id, row);
    }

    const pending = [...lockedOrders.values()].filter((order) => order.status === "pending_payment").map((order) => order.id);
    const { rows: slotRows } = pending.length === 0 ? { rows: [] } : await db.execute<{ slot_id: string }>(sql`SELECT DISTINCT slot_id FROM order_items WHERE order_id IN ${pending}`);
    const newSlots = [slotId, ...(moveTo ? [moveTo] : []), ...slotRows.map((row) => row.slot_id)].filter((id) => !slots.has(id));
    if (newSlots.length > 0) await lockSlots(db, newSlots);
    newSlots.forEach((id) => slots.add(id));

    // Done only after a round that found nothing new with the slots already locked: a sale at the
    // counter that committed while we waited for the slot made a paid order no earlier round saw.
    if (newCarts.length === 0 && newOrders.length === 0 && newSlots.length === 0) return { orders: [...lockedOrders.values()].sort((a, b) => a.id.localeCompare(b.id)) };
  }
}

/** Removes every cart line on the slot; gives back the places the held ones had. */
async function removeCartLines(db: Executor, slotId: string): Promise<number> {
  const { rows } = await db.execute<{ released: number }>(sql`
    WITH gone AS (DELETE FROM cart_items WHERE slot_id = ${slotId} RETURNING quantity, status, ticket_type_id)
    SELECT coalesce(sum(g.quantity) FILTER (WHERE g.status = 'held' AND t.consumes_capacity), 0)::int AS released
    FROM gone g JOIN ticket_types t ON t.id = g.ticket_type_id`);
  const released = rows[0]?.released ?? 0;
  if (released > 0) await releaseHold(db, slotId, released);
  return released;
}

/**
 * Lapses the slot's waiting and offered entries and gives back the offers' places (the slot is no
 * longer open, so the trigger offers them to nobody); an offer's e-mail not yet sent is then not
 * sent (waitlist-mails.ts). Returns the places given back.
 */
async function endWaitlist(db: Executor, slotId: string): Promise<number> {
  const { rows } = await db.execute<{ released: number }>(sql`
    WITH ended AS (
      SELECT id, status, quantity FROM waitlist_entries WHERE slot_id = ${slotId} AND status IN ('waiting', 'offered') FOR UPDATE
    ), lapsed AS (
      UPDATE waitlist_entries w SET status = 'lapsed' FROM ended WHERE w.id = ended.id RETURNING ended.status, ended.quantity
    )
    SELECT coalesce(sum(quantity) FILTER (WHERE status = 'offered'), 0)::int AS released FROM lapsed`);
  const released = rows[0]?.released ?? 0;
  if (released > 0) await releaseHold(db, slotId, released);
  return released;
}

/** The slot's valid tickets, locked (a scan at the door waits, then finds them void or moved). */
async function lockValidTickets(db: Executor, slotId: string): Promise<LockedTicket[]> {
  const { rows } = await db.execute<{ id: string; order_id: string; order_item_id: string; consumes_capacity: boolean }>(sql`
    SELECT t.id, t.order_id, t.order_item_id, oi.consumes_capacity
    FROM tickets t JOIN order_items oi ON oi.id = t.order_item_id
    WHERE oi.slot_id = ${slotId} AND t.status = 'valid' ORDER BY t.order_id, t.id FOR UPDATE OF t`);
  return rows.map((row) => ({ id: row.id, orderId: row.order_id, orderItemId: row.order_item_id, consumesCapacity: row.consumes_capacity }));
}
