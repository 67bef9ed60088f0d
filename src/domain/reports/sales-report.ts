import { sql, type SQL } from "drizzle-orm";
import type { VenueDate } from "../calendar/venue-time";
import type { Ctx } from "../context";
import { money, type Money } from "../money";
import { authorize } from "../staff/authorize";
import { rangeDays, reportRange, type ReportRange } from "./report-range";

export const SALES_GROUPS = ["day", "exhibition", "ticketType", "provider"] as const;
export type SalesGroup = (typeof SALES_GROUPS)[number];

export type SalesRow = { key: string; label: string; ticketsSold: number; gross: Money; ticketsRefunded: number; refunded: Money; net: Money };
export type SalesReport = { from: VenueDate; to: VenueDate; by: SalesGroup; rows: SalesRow[]; total: Omit<SalesRow, "key" | "label"> };

// What each grouping names a line by, and how it shows it; `at` is the instant that dates it (the sale, the refund).
const groupings: Record<SalesGroup, (at: SQL, zone: string) => { key: SQL; label: SQL }> = {
  day: (at, zone) => ({ key: sql`to_char(${at} AT TIME ZONE ${zone}, 'YYYY-MM-DD')`, label: sql`to_char(${at} AT TIME ZONE ${zone}, 'YYYY-MM-DD')` }),
  exhibition: () => ({ key: sql`e.slug`, label: sql`e.title` }),
  ticketType: () => ({ key: sql`tt.name`, label: sql`tt.name` }),
  provider: () => ({ key: sql`o.provider`, label: sql`o.provider` }),
};

type Counted = { key: string; label: string; tickets: number; minor: number };

/**
 * Staff: what sold in a range of venue days, by day, exhibition, ticket type or payment provider
 * (box-office sales are orders like any other, with provider cash, card_terminal or invoice).
 * Sold and gross count the tickets of orders paid in the range, on the day they were paid;
 * refunded counts tickets given back in the range (void for any reason but a move), on the day
 * they were, at the price they were sold at; net is gross less refunded. Counted from order lines,
 * which a move changes the slot of but never the number of.
 */
export async function salesReport({ ctx, input }: { ctx: Ctx; input: { from?: VenueDate; to?: VenueDate; by: SalesGroup } }): Promise<SalesReport> {
  authorize(ctx, "staff");
  const range = reportRange(ctx, input);
  const zone = ctx.settings.venueTimeZone;
  const sold = groupings[input.by](sql`o.paid_at`, zone);
  const refunded = groupings[input.by](sql`t.voided_at`, zone);
  const joins = sql`JOIN time_slots s ON s.id = oi.slot_id JOIN exhibitions e ON e.id = s.exhibition_id JOIN ticket_types tt ON tt.id = oi.ticket_type_id`;
  const [sales, refunds] = await Promise.all([
    rows(ctx, sql`
      SELECT ${sold.key} AS key, min(${sold.label}) AS label, sum(oi.quantity)::int AS tickets, sum(oi.quantity * oi.unit_price_minor)::bigint AS minor
      FROM orders o JOIN order_items oi ON oi.order_id = o.id ${joins}
      WHERE o.paid_at >= ${range.start} AND o.paid_at < ${range.end}
      GROUP BY 1`),
    // 'moved': the void reason of a ticket replaced by one for another slot (slots/move-tickets.ts), still sold.
    rows(ctx, sql`
      SELECT ${refunded.key} AS key, min(${refunded.label}) AS label, count(*)::int AS tickets, sum(oi.unit_price_minor)::bigint AS minor
      FROM tickets t JOIN order_items oi ON oi.id = t.order_item_id JOIN orders o ON o.id = t.order_id ${joins}
      WHERE t.status = 'void' AND t.void_reason IS DISTINCT FROM 'moved' AND t.voided_at >= ${range.start} AND t.voided_at < ${range.end}
      GROUP BY 1`),
  ]);
  return assemble(ctx.settings.currency, range, input.by, sales, refunds);
}

async function rows(ctx: Ctx, query: SQL): Promise<Counted[]> {
  const result = await ctx.db.execute<{ key: string; label: string; tickets: number; minor: string }>(query);
  return result.rows.map((row) => ({ key: row.key, label: row.label, tickets: row.tickets, minor: Number(row.minor) }));
}

function assemble(currency: string, range: ReportRange, by: SalesGroup, sales: Counted[], refunds: Counted[]): SalesReport {
  const line = (key: string, label: string, sold?: Counted, back?: Counted): SalesRow => {
    const gross = sold?.minor ?? 0;
    const given = back?.minor ?? 0;
    return { key, label, ticketsSold: sold?.tickets ?? 0, gross: money(gross, currency), ticketsRefunded: back?.tickets ?? 0, refunded: money(given, currency), net: money(gross - given, currency) };
  };
  const find = (list: Counted[], key: string) => list.find((row) => row.key === key);
  // Every day of the range, sales or not, so that a chart's days line up; other groupings have what sold or was refunded.
  const keys = by === "day" ? rangeDays(range).map((day) => ({ key: day, label: day })) : [...new Map([...sales, ...refunds].map((row) => [row.key, { key: row.key, label: row.label }])).values()];
  const lines = keys.map(({ key, label }) => line(key, label, find(sales, key), find(refunds, key)));
  if (by !== "day") lines.sort((a, b) => b.gross.amount - a.gross.amount || a.label.localeCompare(b.label));
  const sum = (pick: (row: SalesRow) => number) => lines.reduce((total, row) => total + pick(row), 0);
  const gross = sum((row) => row.gross.amount);
  const refunded = sum((row) => row.refunded.amount);
  const total = { ticketsSold: sum((row) => row.ticketsSold), gross: money(gross, currency), ticketsRefunded: sum((row) => row.ticketsRefunded), refunded: money(refunded, currency), net: money(gross - refunded, currency) };
  return { from: range.from, to: range.to, by, rows: lines, total };
}
