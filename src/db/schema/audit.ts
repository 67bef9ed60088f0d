import { bigserial, index, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "./auth";

/**
 * Every staff change (invariant 12), written in the transaction that makes it. The serial id is the
 * paging cursor: entries are read newest first. The actor's e-mail is kept as it was, so an entry
 * still says who acted after the account is gone.
 */
export const auditLog = pgTable("audit_log", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  at: timestamp("at", { withTimezone: true }).notNull(),
  actorId: text("actor_id").references(() => users.id, { onDelete: "set null" }),
  actorEmail: text("actor_email").notNull(),
  action: text("action").notNull(),
  entityType: text("entity_type").notNull(),
  entityId: text("entity_id").notNull(),
  before: jsonb("before"),
  after: jsonb("after"),
}, (table) => [index("audit_log_entity").on(table.entityType, table.entityId, table.id)]);
