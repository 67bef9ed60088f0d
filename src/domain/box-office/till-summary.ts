import { sql } from "drizzle-orm";
import { orderItems, orders, refunds, users } from "../../db/schema";
import { addDays, venueInstant, type VenueDate } from "../calendar/venue-time";
import type { Ctx } from "../context";
import { money, type Money } from "../money";
import { authorize } from "../staff/authorize";
import { COUNTER_PAYMENTS, type CounterPayment } from "./sale-input";

/** One payment type of one staff member's day: sales made, tickets in them, what they took, and what was given back of them since. */
export type TillLine = { payment: CounterPayment; sales: number; tickets: number; total: Money; refunded: Money; net: Money };
export type TillStaff = { userId: string | null; name: string; email: string; lines: TillLine[]; total: Money; refunded: Money; net: Money };
export type TillSummary = { date: VenueDate; staff: TillStaff[] };

/** Whose till: one account's id, "me" (the caller) or "all" (every staff member who sold that day). */
export type TillOf = string;

type Row = { sold_by: string | null; name: string | null; email: string | null; payment: CounterPayment; sales: number; tickets: number; total: number; refunded: number };

/**
 * The counter sales of a venue day (Asia/Kolkata midnight to midnight, not UTC) per staff member
 * and payment type. Refunds count against the day of the sale they give back, whenever they were
 * made, so a day's till reads the same tomorrow as tonight less what was returned since; a refund
 * that failed returned nothing and is left out. Invoice sales are money still owed, listed apart.
 */
export async function tillSummary({ ctx, input }: { ctx: Ctx; input: { date: VenueDate; staff: TillOf } }): Promise<TillSummary> {
  const actor = authorize(ctx, "staff");
  const zone = ctx.settings.venueTimeZone;
  const from = venueInstant(input.date, 0, zone);
  const to = venueInstant(addDays(input.date, 1), 0, zone);
  const whose = input.staff === "all" ? sql`` : sql`AND ${orders.soldBy} = ${input.staff === "me" ? actor.userId : input.staff}`;
  const { rows } = await ctx.db.execute<Row>(sql`
    SELECT ${orders.soldBy} AS sold_by, ${users.name} AS name, ${users.email} AS email, ${orders.provider} AS payment,
      count(*)::int AS sales,
      coalesce(sum((SELECT sum(${orderItems.quantity}) FROM ${orderItems} WHERE ${orderItems.orderId} = ${orders.id})), 0)::int AS tickets,
      coalesce(sum(${orders.totalMinor}), 0)::int AS total,
      coalesce(sum((SELECT sum(${refunds.amountMinor}) FROM ${refunds} WHERE ${refunds.orderId} = ${orders.id} AND ${refunds.status} <> 'failed')), 0)::int AS refunded
    FROM ${orders} LEFT JOIN ${users} ON ${users.id} = ${orders.soldBy}
    WHERE ${orders.channel} = 'box_office' AND ${orders.createdAt} >= ${from} AND ${orders.createdAt} < ${to} ${whose}
    GROUP BY ${orders.soldBy}, ${users.name}, ${users.email}, ${orders.provider}
    ORDER BY ${users.name}, ${orders.soldBy}`);

  const currency = ctx.settings.currency;
  const staff = new Map<string, TillStaff>();
  for (const row of rows) {
    const key = row.sold_by ?? "";
    const member = staff.get(key) ?? { userId: row.sold_by, name: row.name ?? "A deleted account", email: row.email ?? "", lines: [], total: money(0, currency), refunded: money(0, currency), net: money(0, currency) };
    member.lines.push({ payment: row.payment, sales: row.sales, tickets: row.tickets, total: money(row.total, currency), refunded: money(row.refunded, currency), net: money(row.total - row.refunded, currency) });
    member.total = money(member.total.amount + row.total, currency);
    member.refunded = money(member.refunded.amount + row.refunded, currency);
    member.net = money(member.total.amount - member.refunded.amount, currency);
    staff.set(key, member);
  }
  for (const member of staff.values()) member.lines.sort((a, b) => COUNTER_PAYMENTS.indexOf(a.payment) - COUNTER_PAYMENTS.indexOf(b.payment));
  return { date: input.date, staff: [...staff.values()] };
}
