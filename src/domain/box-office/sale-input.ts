import { z } from "zod";
import { storedText } from "../catalog-admin/stored-text";

/** How a counter sale is paid. `invoice`: a group that pays later; its tickets are valid at once, the invoice is outstanding. */
export const COUNTER_PAYMENTS = ["cash", "card_terminal", "invoice"] as const;
export type CounterPayment = (typeof COUNTER_PAYMENTS)[number];
export const isCounterPayment = (name: string): name is CounterPayment => (COUNTER_PAYMENTS as readonly string[]).includes(name);

/**
 * Tickets one counter sale may hold, all lines together: a school group of several classes fits,
 * a mistyped 5000 does not. The visitor's per-order limit does not apply at the counter.
 */
export const MAX_COUNTER_SALE_TICKETS = 500;
export const MAX_COUNTER_SALE_LINES = 20;

/** The name on a sale whose buyer gave none. */
export const WALK_UP_NAME = "Walk-up";

const line = z.object({
  slotId: z.uuid("must be a slot id"),
  ticketTypeId: z.uuid("must be a ticket type id"),
  quantity: z.number("must be a whole number").int("must be a whole number").min(1, `must be 1–${MAX_COUNTER_SALE_TICKETS}`).max(MAX_COUNTER_SALE_TICKETS, `must be 1–${MAX_COUNTER_SALE_TICKETS}`),
});

export const saleInput = z
  .object({
    items: z
      .array(line, "must be a list of { slotId, ticketTypeId, quantity }")
      .min(1, "must hold at least one line")
      .max(MAX_COUNTER_SALE_LINES, `must hold at most ${MAX_COUNTER_SALE_LINES} lines`)
      .refine((items) => items.reduce((sum, item) => sum + item.quantity, 0) <= MAX_COUNTER_SALE_TICKETS, `must add up to at most ${MAX_COUNTER_SALE_TICKETS} tickets`),
    payment: z.enum(COUNTER_PAYMENTS, `must be one of ${COUNTER_PAYMENTS.join(", ")}`),
    name: storedText(100).optional(),
    email: z.string("must be an email address").trim().toLowerCase().pipe(z.email("must be an email address")).optional().or(z.literal("").transform(() => undefined)),
  })
  .strict()
  // An invoice goes to someone: the group's name and address are what it is sent to and chased by.
  .refine((sale) => sale.payment !== "invoice" || Boolean(sale.name), { path: ["name"], message: "is required for an invoice" })
  .refine((sale) => sale.payment !== "invoice" || Boolean(sale.email), { path: ["email"], message: "is required for an invoice" });
export type SaleInput = z.output<typeof saleInput>;
