import { sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import type { OrderStatus } from "../checkout/order-view";
import { DomainError } from "../errors";
import { notAnOrder } from "./staff-order-view";
import { isUuid } from "../uuid";

export type DeskOrder = { id: string; number: string; status: OrderStatus; name: string; email: string };

/** The order a desk change is about, locked first, as every change takes an order before its slots and tickets (invariant 6); 404 when there is none. */
export async function lockDeskOrder(db: Executor, orderId: string): Promise<DeskOrder> {
  if (!isUuid(orderId)) throw notAnOrder();
  const { rows } = await db.execute<DeskOrder>(sql`SELECT id, number, status, name, email FROM orders WHERE id = ${orderId} FOR UPDATE`);
  if (!rows[0]) throw notAnOrder();
  return rows[0];
}

/**
 * The tickets a desk change applies to: those named, which must be the order's (400 otherwise),
 * or all its valid ones. None valid left is 409 ticket_void; whether the named ones are still
 * valid the change itself checks under its locks.
 */
export async function deskTickets(db: Executor, orderId: string, named: string[] | undefined): Promise<string[]> {
  if (named) {
    const ids = [...new Set(named)];
    const { rows } = await db.execute<{ id: string }>(sql`SELECT id FROM tickets WHERE order_id = ${orderId} AND id IN ${ids}`);
    if (rows.length !== ids.length) throw new DomainError("invalid_request", "Some of these tickets are not this order's.", { fields: { ticketIds: "must name tickets of this order" } });
    return ids;
  }
  const { rows } = await db.execute<{ id: string }>(sql`SELECT id FROM tickets WHERE order_id = ${orderId} AND status = 'valid' ORDER BY id`);
  if (rows.length === 0) throw new DomainError("ticket_void", "This order has no valid ticket left.");
  return rows.map((row) => row.id);
}
