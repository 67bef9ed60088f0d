import { sql, type SQL } from "drizzle-orm";
import { addDays, venueInstant, type VenueDate } from "../calendar/venue-time";
import { normalCode } from "../checkin/door-ticket";
import type { OrderStatus } from "../checkout/order-view";
import type { Ctx } from "../context";
import { DomainError } from "../errors";
import { money, type Money } from "../money";
import { authorize } from "../staff/authorize";

export const SEARCH_PAGE = 25;
export const MAX_SEARCH_PAGE = 100;
// Shorter than a trigram, a partial name matches nearly everything and no index can serve it.
export const MIN_PARTIAL = 3;

export type OrderHit = {
  id: string;
  number: string;
  status: OrderStatus;
  name: string;
  email: string;
  total: Money;
  createdAt: string;
  visit: { startsAt: string; exhibition: { slug: string; title: string } } | null;
  ticketCount: number;
};

export type SearchOrdersInput = { q?: string; date?: VenueDate; status?: OrderStatus; cursor?: string; limit?: number };

type Cursor = { micros: string; id: string };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

// Microseconds, as PostgreSQL keeps created_at: a JS Date would round them off and skip or repeat orders at a page's edge.
const encodeCursor = (cursor: Cursor) => Buffer.from(`${cursor.micros}.${cursor.id}`).toString("base64url");
function decodeCursor(text: string): Cursor {
  const [micros, id] = Buffer.from(text, "base64url").toString().split(".");
  if (!micros || !/^\d{1,17}$/.test(micros) || !id || !UUID.test(id)) throw new DomainError("invalid_request", "Some query parameters are not valid.", { fields: { cursor: "is not a cursor this search gave out" } });
  return { micros, id };
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);
const likePattern = (text: string) => `%${escapeLike(text.toLowerCase())}%`;

const WHOLE_EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * What `q` can mean, each a condition an index serves, its shape saying which: digits are an order
 * number ("1042", "#1042"); 16 characters of the door's alphabet with a digit among them, a ticket
 * code as typed or read out (without a digit, a code or part of a name); a whole e-mail, or one cut
 * short, the start of one (btree range); anything else of 3 characters or more, part of a name or
 * e-mail (pg_trgm). A trigram scan for a number, a code or a whole e-mail would match nothing more
 * and costs the most of all.
 */
function matching(q: string): SQL {
  const number = q.replace(/^#\s*/, "");
  if (/^\d{1,12}$/.test(number)) return sql`o.number = ${number}`;
  const code = normalCode(q);
  const byCode = code && sql`o.id = (SELECT order_id FROM tickets WHERE code = ${code})`;
  if (byCode && /\d/.test(q)) return byCode;
  if (WHOLE_EMAIL.test(q)) return sql`lower(o.email) LIKE ${`${escapeLike(q.toLowerCase())}%`}`;
  // pg_trgm makes its trigrams of letters and digits alone: of "%%%" or "..." it has none, and the index none to narrow a scan of every order by.
  if (q.length < MIN_PARTIAL || !/[\p{L}\p{N}]/u.test(q)) {
    throw new DomainError("invalid_request", "Some query parameters are not valid.", { fields: { q: `must be an order number, a ticket code, or at least ${MIN_PARTIAL} characters of a name or e-mail, with a letter or digit` } });
  }
  const pattern = likePattern(q);
  const partial = q.includes("@") ? [sql`lower(o.email) LIKE ${pattern}`] : [sql`lower(o.name) LIKE ${pattern}`, sql`lower(o.email) LIKE ${pattern}`];
  // A code all of letters (as typed, O for 0) could also be part of a name.
  return sql`(${sql.join(byCode ? [byCode, ...partial] : partial, sql` OR `)})`;
}

/**
 * Staff: orders newest first, a page at a time by a keyset cursor on (created_at, id), narrowed by
 * what `q` matches, the venue day of a visit, and status. Each hit says who, how much, and the
 * first visit of the order.
 */
export async function searchOrders({ ctx, input }: { ctx: Ctx; input: SearchOrdersInput }): Promise<{ orders: OrderHit[]; nextCursor: string | null }> {
  authorize(ctx, "staff");
  const limit = input.limit ?? SEARCH_PAGE;
  const where: SQL[] = [];
  const q = input.q?.trim();
  if (q) where.push(matching(q));
  if (input.status) where.push(sql`o.status = ${input.status}`);
  if (input.date) {
    const zone = ctx.settings.venueTimeZone;
    where.push(sql`o.id IN (
      SELECT oi.order_id FROM order_items oi JOIN time_slots s ON s.id = oi.slot_id
      WHERE s.starts_at >= ${venueInstant(input.date, 0, zone)} AND s.starts_at < ${venueInstant(addDays(input.date, 1), 0, zone)})`);
  }
  if (input.cursor) {
    const cursor = decodeCursor(input.cursor);
    where.push(sql`(o.created_at, o.id) < (timestamptz 'epoch' + ${cursor.micros}::bigint * interval '1 microsecond', ${cursor.id}::uuid)`);
  }
  const filter = where.length > 0 ? sql`WHERE ${sql.join(where, sql` AND `)}` : sql``;
  const { rows } = await ctx.db.execute<{
    id: string; number: string; status: OrderStatus; name: string; email: string; total_minor: number; currency: string;
    created_at: string; micros: string; starts_at: string | null; slug: string | null; title: string | null; ticket_count: number;
  }>(sql`
    WITH page AS MATERIALIZED (SELECT o.id FROM orders o ${filter} ORDER BY o.created_at DESC, o.id DESC LIMIT ${limit + 1})
    SELECT o.id, o.number, o.status, o.name, o.email, o.total_minor, o.currency, o.created_at,
      (extract(epoch FROM o.created_at) * 1000000)::bigint::text AS micros,
      v.starts_at, v.slug, v.title,
      (SELECT count(*) FROM tickets t WHERE t.order_id = o.id)::int AS ticket_count
    FROM page JOIN orders o ON o.id = page.id
    LEFT JOIN LATERAL (
      SELECT s.starts_at, e.slug, e.title FROM order_items oi JOIN time_slots s ON s.id = oi.slot_id JOIN exhibitions e ON e.id = s.exhibition_id
      WHERE oi.order_id = o.id ORDER BY s.starts_at LIMIT 1
    ) v ON true
    ORDER BY o.created_at DESC, o.id DESC`);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    orders: page.map((row) => ({
      id: row.id,
      number: row.number,
      status: row.status,
      name: row.name,
      email: row.email,
      total: money(row.total_minor, row.currency),
      createdAt: new Date(row.created_at).toISOString(),
      visit: row.starts_at ? { startsAt: new Date(row.starts_at).toISOString(), exhibition: { slug: row.slug!, title: row.title! } } : null,
      ticketCount: row.ticket_count,
    })),
    nextCursor: rows.length > limit && last ? encodeCursor({ micros: last.micros, id: last.id }) : null,
  };
}
