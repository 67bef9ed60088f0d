import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgEnum, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { exhibitions } from "./catalog";

// closed: staff stopped sales, sold tickets stay valid; cancelled: the slot will not take place.
export const slotStatus = pgEnum("slot_status", ["open", "closed", "cancelled"]);

export const timeSlots = pgTable("time_slots", {
  id: uuid("id").primaryKey().defaultRandom(),
  exhibitionId: uuid("exhibition_id").notNull().references(() => exhibitions.id, { onDelete: "cascade" }),
  startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
  endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
  capacity: integer("capacity").notNull(),
  held: integer("held").notNull().default(0),
  sold: integer("sold").notNull().default(0),
  status: slotStatus("status").notNull().default("open"),
  cancelReason: text("cancel_reason"),
}, (table) => [
  unique("time_slots_exhibition_start").on(table.exhibitionId, table.startsAt),
  index("time_slots_starts_at").on(table.startsAt),
  // Invariant 1 of DESIGN.md: the database itself refuses to oversell.
  check("time_slots_capacity_respected", sql`${table.held} >= 0 AND ${table.sold} >= 0 AND ${table.held} + ${table.sold} <= ${table.capacity}`),
  check("time_slots_ends_after_start", sql`${table.endsAt} > ${table.startsAt}`),
]);

/** One weekly rule of a schedule: on these weekdays (1 = Monday), a slot every `everyMinutes` from `from` while before `until`. */
export type ScheduleRule = { weekdays: number[]; from: string; until: string; everyMinutes: number; capacity: number };

/** An exhibition's weekly rules and closed dates: what the slot generator keeps the booking window filled from (invariant 13). */
export const schedules = pgTable("schedules", {
  exhibitionId: uuid("exhibition_id").primaryKey().references(() => exhibitions.id, { onDelete: "cascade" }),
  rules: jsonb("rules").$type<ScheduleRule[]>().notNull(),
  closedDates: jsonb("closed_dates").$type<string[]>().notNull().default([]),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  updatedBy: text("updated_by").references(() => users.id, { onDelete: "set null" }),
});
