import { sql } from "drizzle-orm";
import { bigserial, index, jsonb, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { ScanOutcome } from "../../domain/checkin/scan-outcome";
import { users } from "./auth";
import { tickets } from "./orders";

/** What a scan came to. The last two are the door's own words, not API.md's results: a scan outside its slot's window, and a second admission made offline. */
export const checkInResult = pgEnum("check_in_result", ["admitted", "already_checked_in", "void", "unknown", "outside_window", "conflict"]);

/**
 * Every scan at the door, online or uploaded from a device that was offline (invariant 9). The
 * unique scan id applies a scan at most once: a retry finds its row and answers what it answered
 * the first time (`response`). A second admission made offline is kept here as `conflict`, never dropped.
 */
export const checkIns = pgTable("check_ins", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  scanId: text("scan_id").notNull().unique(),
  ticketId: uuid("ticket_id").references(() => tickets.id, { onDelete: "cascade" }),
  gate: text("gate"),
  staffUserId: text("staff_user_id").references(() => users.id, { onDelete: "set null" }),
  /** online: decided by the server as it was scanned; offline: decided by a device, uploaded later. */
  source: text("source").$type<"online" | "offline">().notNull(),
  /** When the ticket was scanned: the server's clock online, the device's offline. */
  scannedAt: timestamp("scanned_at", { withTimezone: true }).notNull(),
  recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull(),
  result: checkInResult("result").notNull(),
  /** What the scan came to, answered again to a retry of the same scan id. */
  response: jsonb("response").$type<ScanOutcome>().notNull(),
  /** Set when staff undid this admission (the audit log says who). */
  undoneAt: timestamp("undone_at", { withTimezone: true }),
}, (table) => [index("check_ins_ticket").on(table.ticketId), index("check_ins_undone").on(table.undoneAt).where(sql`undone_at IS NOT NULL`)]);
