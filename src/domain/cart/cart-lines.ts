import { and, eq, inArray, lte, sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { cartItems, ticketTypes } from "../../db/schema";
import { lockSlots, releaseHold } from "../availability/holds";
import type { Settings } from "../context";
import { recordHoldsExpired } from "../funnel/holds-expired";
import { holdExpirySql } from "./hold-expiry";

/** A line with what its ticket type says now: its price for a hold taken now, and whether it is still on sale. */
export type Line = typeof cartItems.$inferSelect & { consumesCapacity: boolean; requiresCompanion: boolean; priceNowMinor: number; onSale: boolean };

/**
 * The cart's lines, locked: what a transaction decides from them (is this line still held?) must
 * not be changed under it by the sweeper, which skips locked lines. Without the lock, a line the
 * sweeper expired just after this read would have its places given back twice.
 */
export async function cartLines(db: Executor, cartIds: string | string[]): Promise<Line[]> {
  const rows = await db
    .select({ line: cartItems, consumesCapacity: ticketTypes.consumesCapacity, requiresCompanion: ticketTypes.requiresCompanion, priceNowMinor: ticketTypes.priceMinor, onSale: ticketTypes.active })
    .from(cartItems)
    .innerJoin(ticketTypes, eq(ticketTypes.id, cartItems.ticketTypeId))
    .where(inArray(cartItems.cartId, [cartIds].flat()))
    .for("no key update", { of: cartItems });
  return rows.map((row) => ({ ...row.line, consumesCapacity: row.consumesCapacity, requiresCompanion: row.requiresCompanion, priceNowMinor: row.priceNowMinor, onSale: row.onSale }));
}

/**
 * Records as expired the cart's lines whose timer has run out, and gives their places back, so
 * that within the transaction every `held` line really holds its places. `touching` names the
 * slots the transaction changes afterwards: when anything is released, they are locked together
 * with the released ones, in id order (invariant 6).
 */
export async function settleExpiredLines(db: Executor, cartIds: string | string[], now: Date, touching: string[]): Promise<void> {
  const ids = [cartIds].flat();
  if (ids.length === 0) return;
  const due = await db
    .select({ slotId: cartItems.slotId })
    .from(cartItems)
    .where(and(inArray(cartItems.cartId, ids), eq(cartItems.status, "held"), lte(cartItems.holdExpiresAt, now)));
  if (due.length === 0) return;
  await lockSlots(db, [...due.map((line) => line.slotId), ...touching]);
  const { rows } = await db.execute<{ slot_id: string; n: number }>(sql`
    WITH expired AS (
      UPDATE cart_items SET status = 'expired'
      WHERE cart_id = ANY(${sql.param(ids)}::uuid[]) AND status = 'held' AND hold_expires_at <= ${now}
      RETURNING cart_id, slot_id, quantity, ticket_type_id
    ), ${recordHoldsExpired(now)}
    SELECT e.slot_id, sum(e.quantity)::int AS n
    FROM expired e JOIN ticket_types t ON t.id = e.ticket_type_id
    WHERE t.consumes_capacity GROUP BY e.slot_id ORDER BY e.slot_id`);
  for (const row of rows) await releaseHold(db, row.slot_id, row.n);
}

/**
 * Every successful change re-arms the timers of all the cart's held lines (API.md, Cart rules). A
 * change that took places from a client address (`takenFrom`, by cart) also counts all the cart's
 * held places against that address from now on, so that one cart's places are always counted in
 * one place, and an order made from it too.
 */
export async function rearmHolds(db: Executor, cartIds: string | string[], now: Date, settings: Settings, takenFrom?: Map<string, string>): Promise<void> {
  const ids = [cartIds].flat();
  const expiry = holdExpirySql(now, settings);
  if (!takenFrom || takenFrom.size === 0) {
    await db.update(cartItems).set({ holdExpiresAt: expiry }).where(and(inArray(cartItems.cartId, ids), eq(cartItems.status, "held")));
    return;
  }
  await db.execute(sql`
    UPDATE cart_items SET hold_expires_at = ${expiry}, client_address = coalesce(v.address, cart_items.client_address)
    FROM unnest(${sql.param(ids)}::uuid[], ${sql.param(ids.map((id) => takenFrom.get(id) ?? null))}::text[]) AS v(cart_id, address)
    WHERE cart_items.cart_id = v.cart_id AND cart_items.status = 'held'`);
}
