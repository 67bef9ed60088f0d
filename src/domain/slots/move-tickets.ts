import { eq, sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { orderItems, tickets } from "../../db/schema";
import { takeBeforeExpiredHolds } from "../availability/hold-places";
import { issueTickets } from "../tickets/issue-tickets";

/** A valid ticket, locked by the caller, with what its line says of it. */
export type LockedTicket = { id: string; orderId: string; orderItemId: string; consumesCapacity: boolean };

/**
 * Moves one order's valid tickets from `fromSlotId` to `toSlotId`, all or nothing. The target's
 * places are taken by one conditional update (invariants 2 and 10, without the visitors' sales
 * window: staff may move people into a closed slot, never into a started or cancelled one or past
 * its capacity; expired holds given back first, invariant 3). Then the old tickets become void ("moved"), their lines point at the target, and
 * new tickets with new codes replace them. False, changing nothing, when
 * the target has not the room. The caller holds the order, both slots and the tickets locked.
 */
export async function moveTickets(db: Executor, input: { orderId: string; fromSlotId: string; toSlotId: string; tickets: LockedTicket[]; now: Date }): Promise<boolean> {
  const { orderId, tickets: moving, now } = input;
  const places = moving.filter((ticket) => ticket.consumesCapacity).length;
  if (places > 0) {
    const take = async () =>
      (await db.execute(sql`
        UPDATE time_slots SET sold = sold + ${places}
        WHERE id = ${input.toSlotId} AND status <> 'cancelled' AND starts_at > ${now} AND held + sold + ${places} <= capacity`)).rowCount === 1;
    if (!(await takeBeforeExpiredHolds(db, input.toSlotId, now, take))) return false;
    await db.execute(sql`UPDATE time_slots SET sold = sold - ${places} WHERE id = ${input.fromSlotId}`);
  }
  await db.execute(sql`UPDATE tickets SET status = 'void', voided_at = ${now}, void_reason = 'moved' WHERE id IN ${moving.map((ticket) => ticket.id)}`);

  const perLine = new Map<string, number>();
  for (const ticket of moving) perLine.set(ticket.orderItemId, (perLine.get(ticket.orderItemId) ?? 0) + 1);
  const moved: { id: string; quantity: number }[] = [];
  for (const [itemId, quantity] of perLine) {
    // The line moves whole only when all its tickets do: one used at the door, or void before (refunded),
    // stays on the line where it was, and the moved ones get a line of their own.
    const ids = moving.filter((ticket) => ticket.orderItemId === itemId).map((ticket) => ticket.id);
    const [staying] = await db.select({ id: tickets.id }).from(tickets).where(sql`${tickets.orderItemId} = ${itemId} AND ${tickets.id} NOT IN ${ids}`).limit(1);
    if (!staying) {
      await db.update(orderItems).set({ slotId: input.toSlotId }).where(eq(orderItems.id, itemId));
      moved.push({ id: itemId, quantity });
      continue;
    }
    const [line] = await db.update(orderItems).set({ quantity: sql`${orderItems.quantity} - ${quantity}` }).where(eq(orderItems.id, itemId)).returning();
    const [split] = await db
      .insert(orderItems)
      .values({ orderId, slotId: input.toSlotId, ticketTypeId: line!.ticketTypeId, quantity, unitPriceMinor: line!.unitPriceMinor, consumesCapacity: line!.consumesCapacity })
      .returning({ id: orderItems.id });
    moved.push({ id: split!.id, quantity });
  }
  await issueTickets(db, orderId, moved, now);
  return true;
}
