import { sql } from "drizzle-orm";
import { boolean, check, customType, index, integer, jsonb, pgEnum, pgSequence, pgTable, text, timestamp, unique, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { carts } from "./cart";
import { ticketTypes } from "./catalog";
import { timeSlots } from "./schedule";

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => "bytea" });

export const orderStatus = pgEnum("order_status", ["pending_payment", "paid", "expired", "cancelled", "refunded"]);
export const ticketStatus = pgEnum("ticket_status", ["valid", "used", "void"]);
// applied: it paid its order; refunding/refunded: it is being (has been) given back; refund_failed:
// the provider refused the refund every time; unmatched: it names no order of ours. The last two need a person.
export const paymentStatus = pgEnum("payment_status", ["applied", "refunding", "refunded", "refund_failed", "unmatched"]);

// pending: waiting for the outbox to call the provider; done: the money is on its way back; failed: needs a person.
export const refundStatus = pgEnum("refund_status", ["pending", "done", "failed"]);

// online: a visitor's checkout; box_office: sold at the counter by a staff member (`sold_by`), paid at once.
export const orderChannel = pgEnum("order_channel", ["online", "box_office"]);

export const orderNumbers = pgSequence("order_numbers", { startWith: 1001 });

export const orders = pgTable("orders", {
  id: uuid("id").primaryKey().defaultRandom(),
  number: text("number").notNull().unique(),
  status: orderStatus("status").notNull().default("pending_payment"),
  userId: text("user_id").references(() => users.id, { onDelete: "set null" }),
  name: text("name").notNull(),
  email: text("email").notNull(),
  phone: text("phone"),
  totalMinor: integer("total_minor").notNull(),
  currency: text("currency").notNull(),
  provider: text("provider").notNull(),
  // The provider's id for this order's payment (a Razorpay order, a Stripe Checkout Session), once made.
  providerRef: text("provider_ref"),
  // The provider's id of the captured payment, for refunds.
  paymentRef: text("payment_ref"),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  // The client address its cart's places counted against: an unpaid order still holds them.
  clientAddress: text("client_address"),
  paidAt: timestamp("paid_at", { withTimezone: true }),
  refundedAt: timestamp("refunded_at", { withTimezone: true }),
  channel: orderChannel("channel").notNull().default("online"),
  // The staff member who sold it at the counter; null for a visitor's own order.
  soldBy: text("sold_by").references(() => users.id, { onDelete: "set null" }),
  // The language the buyer booked in: their e-mails and ticket PDF are written in it.
  locale: text("locale").notNull().default("en"),
  // The cart it was checked out from: the way back to it for a guest, whose only identity is that cart's cookie.
  cartId: uuid("cart_id").references(() => carts.id, { onDelete: "set null" }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
}, (table) => [
  index("orders_user").on(table.userId, table.createdAt),
  // The till: one staff member's counter sales of a day.
  index("orders_sold_by").on(table.soldBy, table.createdAt).where(sql`${table.soldBy} IS NOT NULL`),
  index("orders_pending_expiry").on(table.expiresAt).where(sql`${table.status} = 'pending_payment'`),
  // Indexed whole, not only while pending: a cart's deletion (sign-in merges it away) sets it null.
  index("orders_cart").on(table.cartId),
  index("orders_pending_by_address").on(table.clientAddress).where(sql`${table.status} = 'pending_payment'`),
  // A provider's event names its own order (Razorpay): it finds ours by this, and never two of ours.
  uniqueIndex("orders_provider_ref").on(table.provider, table.providerRef),
  // The service desk's search: newest first by a keyset cursor, and any part of a name or e-mail (pg_trgm).
  index("orders_created").on(table.createdAt, table.id),
  index("orders_name_trgm").using("gin", sql`lower(${table.name}) gin_trgm_ops`),
  index("orders_email_trgm").using("gin", sql`lower(${table.email}) gin_trgm_ops`),
  // A whole e-mail as a buyer spells it at the desk, or its start: a btree range, not a trigram scan of every "com".
  index("orders_email_prefix").on(sql`lower(${table.email}) text_pattern_ops`),
  // Sales reports: the orders paid in a range of days, out of a year of them.
  index("orders_paid_at").on(table.paidAt).where(sql`${table.paidAt} IS NOT NULL`),
]);

export const orderItems = pgTable("order_items", {
  id: uuid("id").primaryKey().defaultRandom(),
  orderId: uuid("order_id").notNull().references(() => orders.id, { onDelete: "cascade" }),
  slotId: uuid("slot_id").notNull().references(() => timeSlots.id),
  ticketTypeId: uuid("ticket_type_id").notNull().references(() => ticketTypes.id),
  quantity: integer("quantity").notNull(),
  unitPriceMinor: integer("unit_price_minor").notNull(),
  // As it was at checkout: what the order holds of the slot, whatever the ticket type becomes later.
  consumesCapacity: boolean("consumes_capacity").notNull(),
}, (table) => [
  index("order_items_order").on(table.orderId),
  index("order_items_slot").on(table.slotId),
  check("order_items_quantity_positive", sql`${table.quantity} > 0`),
]);

export const paymentEvents = pgTable("payment_events", {
  id: uuid("id").primaryKey().defaultRandom(),
  provider: text("provider").notNull(),
  eventId: text("event_id").notNull(),
  orderId: uuid("order_id").references(() => orders.id, { onDelete: "set null" }),
  type: text("type").notNull(),
  outcome: text("outcome").notNull(),
  payload: jsonb("payload").notNull(),
  receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
}, (table) => [unique("payment_events_once").on(table.provider, table.eventId)]);

/**
 * Each payment a provider captured, whatever became of it. An order can receive several (two tabs,
 * a reload that opened a second checkout): the first that fits pays it, every other is refunded.
 */
export const payments = pgTable("payments", {
  id: uuid("id").primaryKey().defaultRandom(),
  provider: text("provider").notNull(),
  // The provider's id of the money taken (a Stripe payment intent, a Razorpay payment): what a refund names.
  providerPaymentId: text("provider_payment_id").notNull(),
  orderId: uuid("order_id").references(() => orders.id, { onDelete: "set null" }),
  // As the signed event reported them; absent when it did not say.
  amountMinor: integer("amount_minor"),
  currency: text("currency"),
  status: paymentStatus("status").notNull(),
  refundReason: text("refund_reason"),
  // The event that first reported it.
  eventId: text("event_id").notNull(),
  capturedAt: timestamp("captured_at", { withTimezone: true }).notNull(),
  refundedAt: timestamp("refunded_at", { withTimezone: true }),
}, (table) => [unique("payments_once").on(table.provider, table.providerPaymentId), index("payments_order").on(table.orderId)]);

export const tickets = pgTable("tickets", {
  id: uuid("id").primaryKey().defaultRandom(),
  orderId: uuid("order_id").notNull().references(() => orders.id, { onDelete: "cascade" }),
  orderItemId: uuid("order_item_id").notNull().references(() => orderItems.id, { onDelete: "cascade" }),
  code: text("code").notNull().unique(),
  status: ticketStatus("status").notNull().default("valid"),
  checkedInAt: timestamp("checked_in_at", { withTimezone: true }),
  checkedInBy: text("checked_in_by").references(() => users.id, { onDelete: "set null" }),
  // The gate a ticket was admitted at, as its scanner named it: what "already in" tells the next door.
  checkedInGate: text("checked_in_gate"),
  // Why a ticket stopped being valid (refunded, moved to another slot, its slot cancelled), and when.
  voidedAt: timestamp("voided_at", { withTimezone: true }),
  voidReason: text("void_reason"),
  // The QR code (SVG) of the signed token, made once: drawing it is what an order's page costs.
  qrSvg: text("qr_svg"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
}, (table) => [
  index("tickets_order").on(table.orderId),
  // Sales reports: the tickets given back in a range of days.
  index("tickets_voided_at").on(table.voidedAt).where(sql`${table.status} = 'void'`),
]);

/** An order's tickets as a PDF, made once (for the confirmation mail) and served from here; `fingerprint` names what it shows. */
export const ticketPdfs = pgTable("ticket_pdfs", {
  orderId: uuid("order_id").primaryKey().references(() => orders.id, { onDelete: "cascade" }),
  fingerprint: text("fingerprint").notNull(),
  pdf: bytea("pdf").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Money staff give back for some or all of an order's tickets (a cancelled slot, the service desk).
 * Each row is one refund through the provider, made by the outbox with the row's id as its
 * idempotency key (invariant 11); a payment the provider never took (the test provider) has none.
 */
export const refunds = pgTable("refunds", {
  id: uuid("id").primaryKey().defaultRandom(),
  orderId: uuid("order_id").notNull().references(() => orders.id, { onDelete: "cascade" }),
  paymentId: uuid("payment_id").references(() => payments.id, { onDelete: "set null" }),
  amountMinor: integer("amount_minor").notNull(),
  currency: text("currency").notNull(),
  reason: text("reason").notNull(),
  status: refundStatus("status").notNull().default("pending"),
  requestedBy: text("requested_by").references(() => users.id, { onDelete: "set null" }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  doneAt: timestamp("done_at", { withTimezone: true }),
}, (table) => [index("refunds_order").on(table.orderId), check("refunds_amount_positive", sql`${table.amountMinor} > 0`)]);

/**
 * Work that must happen once, after a commit and outside any transaction: e-mails, refunds. A job
 * about a payment (its refund, the e-mail saying so) is once per payment, any other once per order.
 */
export const outbox = pgTable("outbox", {
  id: uuid("id").primaryKey().defaultRandom(),
  kind: text("kind").notNull(),
  // Null for a job about no one order: a waiting-list e-mail (its subject is the entry), a "find my
  // booking" look-up (its subject is the order_lookups row).
  orderId: uuid("order_id").references(() => orders.id, { onDelete: "cascade" }),
  paymentId: uuid("payment_id").references(() => payments.id, { onDelete: "cascade" }),
  subjectId: uuid("subject_id"),
  // What the job needs that is nowhere else, such as a link's token of which only a hash is kept; cleared once done.
  payload: jsonb("payload").$type<Record<string, string>>(),
  attempts: integer("attempts").notNull().default(0),
  // A worker that takes a job leases it until then; a crashed worker's job is taken again after.
  leasedUntil: timestamp("leased_until", { withTimezone: true }),
  lastError: text("last_error"),
  doneAt: timestamp("done_at", { withTimezone: true }),
  // Failed OUTBOX_MAX_ATTEMPTS times: no longer tried, counted in outbox_dead_jobs until a person acts.
  deadAt: timestamp("dead_at", { withTimezone: true }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
}, (table) => [
  uniqueIndex("outbox_once_per_order").on(table.kind, table.orderId).where(sql`${table.paymentId} IS NULL AND ${table.subjectId} IS NULL`),
  uniqueIndex("outbox_once_per_subject").on(table.kind, table.orderId, table.subjectId).where(sql`${table.subjectId} IS NOT NULL`),
  uniqueIndex("outbox_once_per_payment").on(table.kind, table.paymentId).where(sql`${table.paymentId} IS NOT NULL`),
  index("outbox_pending").on(table.createdAt).where(sql`${table.doneAt} IS NULL AND ${table.deadAt} IS NULL`),
  index("outbox_dead").on(table.kind).where(sql`${table.deadAt} IS NOT NULL`),
]);
