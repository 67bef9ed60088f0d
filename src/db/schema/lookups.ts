import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * A visitor's "find my booking" request: the outbox mails the address the links to its orders (or
 * nothing, when it has none), so the request itself answers the same whether the address is known.
 */
export const orderLookups = pgTable("order_lookups", {
  id: uuid("id").primaryKey().defaultRandom(),
  email: text("email").notNull(),
  // The language the request was made in: the e-mail is written in it.
  locale: text("locale").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
}, (table) => [index("order_lookups_created").on(table.createdAt)]);
