import { sql } from "drizzle-orm";
import { boolean, check, integer, jsonb, pgEnum, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";

export const exhibitionKind = pgEnum("exhibition_kind", ["exhibition", "show"]);
export const exhibitionStatus = pgEnum("exhibition_status", ["draft", "published", "archived"]);

export const exhibitions = pgTable("exhibitions", {
  id: uuid("id").primaryKey().defaultRandom(),
  slug: text("slug").notNull().unique(),
  kind: exhibitionKind("kind").notNull(),
  status: exhibitionStatus("status").notNull().default("draft"),
  title: text("title").notNull(),
  summary: text("summary").notNull(),
  description: text("description").notNull(),
  imageUrl: text("image_url").notNull(),
  durationMinutes: integer("duration_minutes").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
}, (table) => [
  check("exhibitions_slug_format", sql`${table.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
  check("exhibitions_duration_positive", sql`${table.durationMinutes} > 0`),
]);

export const ticketShowcaseConfig = pgTable("ticket_showcase_config", {
  exhibitionId: uuid("exhibition_id").primaryKey().references(() => exhibitions.id, { onDelete: "cascade" }),
  isFeatured: boolean("is_featured").notNull().default(false),
  displayOrder: integer("display_order").notNull().default(0),
  metadata: jsonb("metadata").$type<Record<string, unknown>>().notNull().default({}),
});

export const ticketTypes = pgTable("ticket_types", {
  id: uuid("id").primaryKey().defaultRandom(),
  exhibitionId: uuid("exhibition_id").notNull().references(() => exhibitions.id, { onDelete: "cascade" }),
  code: text("code").notNull(),
  name: text("name").notNull(),
  description: text("description").notNull().default(""),
  priceMinor: integer("price_minor").notNull(),
  consumesCapacity: boolean("consumes_capacity").notNull().default(true),
  /** A child's ticket: only sold with a ticket that needs no companion (an adult's) for the same slot. */
  requiresCompanion: boolean("requires_companion").notNull().default(false),
  active: boolean("active").notNull().default(true),
  sortOrder: integer("sort_order").notNull().default(0),
}, (table) => [
  unique("ticket_types_exhibition_code").on(table.exhibitionId, table.code),
  check("ticket_types_price_non_negative", sql`${table.priceMinor} >= 0`),
]);
