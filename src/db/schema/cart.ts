import { sql } from "drizzle-orm";
import { check, index, integer, pgEnum, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { ticketTypes } from "./catalog";
import { timeSlots } from "./schedule";

export const cartItemStatus = pgEnum("cart_item_status", ["held", "expired"]);

export const carts = pgTable("carts", {
  id: uuid("id").primaryKey().defaultRandom(),
  userId: text("user_id").unique().references(() => users.id, { onDelete: "cascade" }),
  // Only a hash of the guest cookie is stored, so a database leak cannot be replayed as cookies.
  guestTokenHash: text("guest_token_hash").unique(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const cartItems = pgTable("cart_items", {
  id: uuid("id").primaryKey().defaultRandom(),
  cartId: uuid("cart_id").notNull().references(() => carts.id, { onDelete: "cascade" }),
  slotId: uuid("slot_id").notNull().references(() => timeSlots.id),
  ticketTypeId: uuid("ticket_type_id").notNull().references(() => ticketTypes.id),
  quantity: integer("quantity").notNull(),
  // The price of one ticket when the line's hold was taken: a held line keeps it whatever the ticket
  // type's price becomes; a line held again after it expired takes the price of that moment.
  unitPriceMinor: integer("unit_price_minor").notNull(),
  status: cartItemStatus("status").notNull().default("held"),
  // When the line was first held: HOLD_MAX_SECONDS counts from here, however often the timer is re-armed.
  heldAt: timestamp("held_at", { withTimezone: true }).notNull(),
  holdExpiresAt: timestamp("hold_expires_at", { withTimezone: true }).notNull(),
  // How often POST /api/cart/renew has held the line again after it ran out (MAX_HOLD_RENEWALS bounds it).
  renewals: integer("renewals").notNull().default(0),
  // The client address (a MAC of it) whose places a held line counts against: the address of the
  // last change that took places in the cart. Null for lines no visitor's request took.
  clientAddress: text("client_address"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
}, (table) => [
  unique("cart_items_line").on(table.cartId, table.slotId, table.ticketTypeId),
  index("cart_items_slot_live").on(table.slotId, table.holdExpiresAt).where(sql`${table.status} = 'held'`),
  index("cart_items_held_expiry").on(table.holdExpiresAt).where(sql`${table.status} = 'held'`),
  index("cart_items_held_by_address").on(table.clientAddress).where(sql`${table.status} = 'held'`),
  check("cart_items_quantity_positive", sql`${table.quantity} > 0`),
]);
