import { sql } from "drizzle-orm";
import { bigint, bigserial, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

/**
 * The booking funnel, one row per step a visitor took or was refused (src/domain/funnel/events.ts
 * names the kinds), written by the domain verbs in the transaction of the change it records. No
 * foreign keys: an event outlives the cart or order it names (a refused guest's cart is deleted at
 * once), and writing one must never wait on a lock of the rows it names. Kept FUNNEL_RETENTION_DAYS.
 */
export const funnelEvents = pgTable("funnel_events", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  kind: text("kind").notNull(),
  at: timestamp("at", { withTimezone: true }).notNull(),
  cartId: uuid("cart_id"),
  userId: text("user_id"),
  orderId: uuid("order_id"),
  slotId: uuid("slot_id"),
  quantity: integer("quantity"),
  /** A cart add's result: "ok", or the refusal's error code (sold_out, limit_exceeded, slot_closed…). */
  outcome: text("outcome"),
  /** first_cart_after_sign_in: the time since the sign-in it follows. */
  durationMs: integer("duration_ms"),
  /** first_cart_after_sign_in: the sign_in event it follows, once per sign-in. */
  signInId: bigint("sign_in_id", { mode: "number" }),
}, (table) => [
  index("funnel_events_at").on(table.at),
  index("funnel_events_sign_ins").on(table.userId, table.id).where(sql`${table.kind} = 'sign_in'`),
  uniqueIndex("funnel_events_first_cart_once").on(table.signInId).where(sql`${table.signInId} IS NOT NULL`),
  uniqueIndex("funnel_events_payment_started_once").on(table.orderId).where(sql`${table.kind} = 'payment_started'`),
]);
