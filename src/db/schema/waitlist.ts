import { sql } from "drizzle-orm";
import { bigserial, check, index, integer, pgEnum, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { ticketTypes } from "./catalog";
import { timeSlots } from "./schedule";

// waiting: in line; offered: places are held for them (a live hold, counted in the slot's `held`);
// claimed: the offer went into their cart; left: they took themselves off; lapsed: the offer ran out.
export const waitlistStatus = pgEnum("waitlist_status", ["waiting", "offered", "claimed", "left", "lapsed"]);

/**
 * A visitor waiting for places of a sold-out slot. Offers are made by the database itself, in the
 * very UPDATE that frees places (migration 0019's trigger), so the public never sees them in between.
 */
export const waitlistEntries = pgTable("waitlist_entries", {
  id: uuid("id").primaryKey().defaultRandom(),
  slotId: uuid("slot_id").notNull().references(() => timeSlots.id, { onDelete: "cascade" }),
  ticketTypeId: uuid("ticket_type_id").notNull().references(() => ticketTypes.id, { onDelete: "cascade" }),
  email: text("email").notNull(),
  quantity: integer("quantity").notNull(),
  /** The language the visitor joined in: every e-mail about the entry is written in it. */
  locale: text("locale").notNull(),
  status: waitlistStatus("status").notNull().default("waiting"),
  // Only hashes of the links' tokens are kept: a database leak cannot be replayed as links.
  leaveTokenHash: text("leave_token_hash").notNull().unique(),
  offerTokenHash: text("offer_token_hash").unique(),
  /** WAITLIST_HOLD_SECONDS when the visitor joined: how long an offer holds the places for them. */
  offerSeconds: integer("offer_seconds").notNull(),
  offeredAt: timestamp("offered_at", { withTimezone: true }),
  offerExpiresAt: timestamp("offer_expires_at", { withTimezone: true }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  /** The order of the line: who joined first is offered first. */
  line: bigserial("line", { mode: "number" }).notNull(),
}, (table) => [
  // One entry per address and slot: joining again once it is over puts it back at the end of the line (join-waitlist.ts).
  unique("waitlist_entries_once_per_slot").on(table.slotId, table.email),
  index("waitlist_entries_line").on(table.slotId, table.line).where(sql`${table.status} = 'waiting'`),
  index("waitlist_entries_offers").on(table.offerExpiresAt).where(sql`${table.status} = 'offered'`),
  check("waitlist_entries_quantity_positive", sql`${table.quantity} > 0`),
  check("waitlist_entries_offer_complete", sql`${table.status} <> 'offered' OR (${table.offerTokenHash} IS NOT NULL AND ${table.offerExpiresAt} IS NOT NULL)`),
]);
