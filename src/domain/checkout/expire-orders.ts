import { and, eq, lte, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { orders } from "../../db/schema";
import { releaseHold } from "../availability/holds";
import { lockOrderPlaces } from "./order-places";

/**
 * Orders whose payment time ran out give their places back and become `expired`, one short
 * transaction each. An order a payment is being applied to is skipped (SKIP LOCKED): the payment
 * decides, and the next sweep looks again.
 */
export async function expireOrders(db: Database, now: Date, batch = 200): Promise<number> {
  const due = await db.select({ id: orders.id }).from(orders).where(and(eq(orders.status, "pending_payment"), lte(orders.expiresAt, now))).limit(batch);
  let expired = 0;
  for (const { id } of due) {
    expired += await db.transaction(async (tx) => {
      const { rows } = await tx.execute(sql`SELECT id FROM orders WHERE id = ${id} AND status = 'pending_payment' AND expires_at <= ${now} FOR UPDATE SKIP LOCKED`);
      if (rows.length === 0) return 0;
      for (const place of await lockOrderPlaces(tx, id)) await releaseHold(tx, place.slotId, place.quantity);
      await tx.update(orders).set({ status: "expired" }).where(eq(orders.id, id));
      return 1;
    });
  }
  return expired;
}
