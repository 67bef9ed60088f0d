import { sql } from "drizzle-orm";
import { check, index, integer, pgEnum, pgTable, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { exhibitions } from "./catalog";

export const slotStatus = pgEnum("slot_status", ["open", "cancelled"]);

export const timeSlots = pgTable("time_slots", {
  id: uuid("id").primaryKey().defaultRandom(),
  exhibitionId: uuid("exhibition_id").notNull().references(() => exhibitions.id, { onDelete: "cascade" }),
  startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
  endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
  capacity: integer("capacity").notNull(),
  held: integer("held").notNull().default(0),
  sold: integer("sold").notNull().default(0),
  status: slotStatus("status").notNull().default("open"),
}, (table) => [
  unique("time_slots_exhibition_start").on(table.exhibitionId, table.startsAt),
  index("time_slots_starts_at").on(table.startsAt),
  // Invariant 1 of DESIGN.md: the database itself refuses to oversell.
  check("time_slots_capacity_respected", sql`${table.held} >= 0 AND ${table.sold} >= 0 AND ${table.held} + ${table.sold} <= ${table.capacity}`),
  check("time_slots_ends_after_start", sql`${table.endsAt} > ${table.startsAt}`),
]);
