import { sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { outbox } from "../../db/schema";
import { lockSlots } from "../availability/holds";
import { withTransaction, type Ctx } from "../context";
import { DomainError } from "../errors";
import { moveTickets, type LockedTicket } from "../slots/move-tickets";
import { audit } from "../staff/audit";
import { authorize } from "../staff/authorize";
import { deskTickets, lockDeskOrder } from "./desk-order-lock";
import { loadStaffOrder, type StaffOrder } from "./staff-order-view";

/** The buyer's e-mail with the new tickets; its subject is the first ticket moved, which is moved once ever (it is void after). */
export const DESK_MOVE_MAIL = "desk_move_mail";

export type MoveOrderInput = { orderId: string; ticketIds?: string[]; toSlotId: string };

type Target = { id: string; exhibition_id: string; status: string; starts_at: Date; capacity: number; held: number; sold: number };
type Moving = LockedTicket & { slotId: string; exhibitionId: string; status: string };

const closed = (fault: string) => new DomainError("slot_closed", `The slot to move to ${fault}.`, { fields: { toSlotId: fault } });

/**
 * Staff at the desk: moves some valid tickets of a paid order, or all of them, to another slot of
 * the same exhibition that has not started and is not cancelled (422 slot_closed otherwise), with
 * the room for them (409 otherwise): the target's places are taken by moveTickets' one conditional
 * update, the old tickets become void ("moved"), new ones with new codes replace them, and the
 * buyer is e-mailed the new tickets. Locks as every change does (invariant 6): the order, then the
 * slots concerned in id order, then the tickets; all or nothing, audited `order.move`.
 */
export async function moveOrder({ ctx, input }: { ctx: Ctx; input: MoveOrderInput }): Promise<StaffOrder> {
  const actor = authorize(ctx, "staff");
  return withTransaction(ctx, async (tx) => {
    const { db } = tx;
    const now = tx.now();
    const order = await lockDeskOrder(db, input.orderId);
    if (order.status !== "paid") throw new DomainError("order_not_paid", `This order is ${order.status.replace("_", " ")}; only a paid order's tickets can be moved.`);
    const ids = await deskTickets(db, order.id, input.ticketIds);
    const target = await targetSlot(db, input.toSlotId);

    const before = await ticketsOf(db, ids);
    await lockSlots(db, [target.id, ...before.map((ticket) => ticket.slotId)]);
    const moving = await ticketsOf(db, ids, { lock: true });
    if (moving.some((ticket) => ticket.status !== "valid")) throw new DomainError("ticket_void", "Some of these tickets are not valid any more (used or void); nothing was moved.");
    if (moving.some((ticket) => ticket.exhibitionId !== target.exhibition_id)) throw closed("must be a slot of the same exhibition");
    if (moving.some((ticket) => ticket.slotId === target.id)) throw closed("must be another slot than the tickets' own");
    // Again under the lock: the slot may have been cancelled while we waited.
    const locked = await targetSlot(db, target.id);
    if (locked.status === "cancelled") throw closed("is cancelled");
    if (locked.starts_at.getTime() <= now.getTime()) throw closed("has already started");

    const bySlot = new Map<string, Moving[]>();
    for (const ticket of moving) bySlot.set(ticket.slotId, [...(bySlot.get(ticket.slotId) ?? []), ticket]);
    for (const [fromSlotId, group] of bySlot) {
      if (!(await moveTickets(db, { orderId: order.id, fromSlotId, toSlotId: target.id, tickets: group, now }))) {
        const places = moving.filter((ticket) => ticket.consumesCapacity).length;
        const available = Math.max(0, locked.capacity - locked.held - locked.sold);
        if (available === 0) throw new DomainError("sold_out", "The slot to move to is sold out; nothing was moved.");
        throw new DomainError("insufficient_capacity", `The slot to move to has only ${available} of the ${places} places needed; nothing was moved.`, { available });
      }
    }

    const subjectId = [...ids].sort()[0]!;
    await db.insert(outbox).values({ kind: DESK_MOVE_MAIL, orderId: order.id, subjectId, createdAt: now });
    await audit(tx, actor, {
      action: "order.move",
      entityType: "order",
      entityId: order.id,
      before: { tickets: moving.map((ticket) => ({ id: ticket.id, slotId: ticket.slotId })) },
      after: { toSlotId: target.id, ticketIds: ids },
    });
    return (await loadStaffOrder(db, order.id))!;
  });
}

async function targetSlot(db: Executor, slotId: string): Promise<Target> {
  const { rows } = await db.execute<Omit<Target, "starts_at"> & { starts_at: string }>(
    sql`SELECT id, exhibition_id, status, starts_at, capacity, held, sold FROM time_slots WHERE id = ${slotId}`,
  );
  if (!rows[0]) throw closed("does not exist");
  return { ...rows[0], starts_at: new Date(rows[0].starts_at) };
}

async function ticketsOf(db: Executor, ids: string[], { lock = false } = {}): Promise<Moving[]> {
  const { rows } = await db.execute<{ id: string; order_id: string; order_item_id: string; consumes_capacity: boolean; slot_id: string; exhibition_id: string; status: string }>(sql`
    SELECT t.id, t.order_id, t.order_item_id, oi.consumes_capacity, oi.slot_id, s.exhibition_id, t.status
    FROM tickets t JOIN order_items oi ON oi.id = t.order_item_id JOIN time_slots s ON s.id = oi.slot_id
    WHERE t.id IN ${ids} ORDER BY t.id ${lock ? sql`FOR UPDATE OF t` : sql``}`);
  return rows.map((row) => ({ id: row.id, orderId: row.order_id, orderItemId: row.order_item_id, consumesCapacity: row.consumes_capacity, slotId: row.slot_id, exhibitionId: row.exhibition_id, status: row.status }));
}
