import type { Executor } from "../../db/client";
import { tickets } from "../../db/schema";
import { newTicketCode } from "./ticket-code";

/** One valid ticket, with a new code, per unit of each order line given: a payment's tickets, or a move's replacements. */
export async function issueTickets(db: Executor, orderId: string, items: { id: string; quantity: number }[], now: Date): Promise<void> {
  const rows = items.flatMap((item) => Array.from({ length: item.quantity }, () => ({ orderId, orderItemId: item.id, code: newTicketCode(), createdAt: now })));
  if (rows.length > 0) await db.insert(tickets).values(rows);
}
