/**
 * npm run bench (third part): the service desk's order search on a year of orders. 100,000 orders
 * (two tickets each, names and e-mails as people have them) are written straight in SQL, then GET
 * /api/staff/orders on the production server is timed for an order number, a ticket code as typed,
 * a whole e-mail, part of a surname and a visit day's first page, against the cheapest
 * authenticated GET (/api/me) as the same staff session in the same run. Target: p95 under 50 ms.
 * One JSON line per figure.
 */
import http from "node:http";
import { sql, type SQL } from "drizzle-orm";
import type { Database } from "@/db/client";
import { venueDateOf } from "@/domain/calendar/venue-time";
import type { Ctx } from "@/domain/context";
import { searchOrders } from "@/domain/desk/search-orders";
import { percentile, round, send, signedInCookie, withBenchServer } from "./bench-support";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ORDERS = Number(process.env.BENCH_ORDERS ?? 100_000);
const CONCURRENCY = 4;
const TARGET_MS = 50;
const FIRST = ["Asha", "Ravi", "Meera", "Arjun", "Priya", "Kiran", "Anita", "Vikram", "Sunita", "Rahul", "Deepa", "Sanjay", "Lakshmi", "Farhan", "Zoe", "Tom", "Ines", "Kenji", "Olu", "Maria"];
const LAST = ["Rao", "Iyer", "Fernandes", "Menon", "Sharma", "Nair", "Khan", "Das", "Pillai", "Gupta", "Reddy", "Bose", "Kapoor", "Mehta", "Joshi", "Smith", "Okafor", "Tanaka", "Silva", "Müller", "Banerjee", "Chatterjee", "Desai", "Kulkarni", "Shetty"];
const MAILS = ["gmail.com", "yahoo.co.in", "outlook.com", "example.org", "rediffmail.com"];


function figure(name: string, latencies: number[], baseline?: { p50ms: number; p95ms: number }) {
  const sorted = [...latencies].sort((a, b) => a - b);
  const p50ms = round(percentile(sorted, 50));
  const p95ms = round(percentile(sorted, 95));
  return {
    name,
    concurrency: CONCURRENCY,
    orders: ORDERS,
    requests: latencies.length,
    p50ms,
    p95ms,
    ...(baseline && { p50RatioToBaseline: round(p50ms / baseline.p50ms), p95RatioToBaseline: round(p95ms / baseline.p95ms), targetP95ms: TARGET_MS, withinTarget: p95ms < TARGET_MS }),
    maxMs: round(sorted.at(-1) ?? 0),
  };
}

/** A year of orders, a few seconds of SQL: names and e-mails from the lists above, each order on one of the seeded slots, two tickets with codes of the door's alphabet. */
async function seed(db: Database) {
  const count = sql.raw(String(Math.trunc(ORDERS)));
  const started = performance.now();
  await db.execute(sql`
    CREATE TEMP TABLE bench_lines AS
    SELECT row_number() OVER (ORDER BY s.starts_at, s.id) - 1 AS n, s.id AS slot_id, t.id AS ticket_type_id, t.price_minor
    FROM time_slots s JOIN ticket_types t ON t.exhibition_id = s.exhibition_id AND t.code = 'adult'`);
  await db.execute(sql`
    INSERT INTO orders (id, number, status, name, email, total_minor, currency, provider, expires_at, paid_at, created_at)
    SELECT md5('order' || g)::uuid, (500000 + g)::text,
      (CASE WHEN g % 25 = 0 THEN 'expired' WHEN g % 40 = 1 THEN 'refunded' ELSE 'paid' END)::order_status,
      f.name || ' ' || l.name, lower(f.name) || '.' || lower(l.name) || (g % 997) || '@' || m.name,
      0, 'INR', 'test', at + interval '15 minutes', CASE WHEN g % 25 = 0 THEN NULL ELSE at + interval '2 minutes' END, at
    FROM generate_series(1, ${count}) g
    CROSS JOIN LATERAL (SELECT now() - (g * (interval '365 days' / ${count})) AS at) t
    JOIN unnest(string_to_array(${FIRST.join(",")}, ',')) WITH ORDINALITY f(name, i) ON f.i = 1 + g % ${sql.raw(String(FIRST.length))}
    JOIN unnest(string_to_array(${LAST.join(",")}, ',')) WITH ORDINALITY l(name, i) ON l.i = 1 + (g / ${sql.raw(String(FIRST.length))}) % ${sql.raw(String(LAST.length))}
    JOIN unnest(string_to_array(${MAILS.join(",")}, ',')) WITH ORDINALITY m(name, i) ON m.i = 1 + g % ${sql.raw(String(MAILS.length))}`);
  await db.execute(sql`
    INSERT INTO order_items (id, order_id, slot_id, ticket_type_id, quantity, unit_price_minor, consumes_capacity)
    SELECT md5('item' || g)::uuid, md5('order' || g)::uuid, b.slot_id, b.ticket_type_id, 2, b.price_minor, true
    FROM generate_series(1, ${count}) g JOIN bench_lines b ON b.n = g % (SELECT count(*) FROM bench_lines)`);
  await db.execute(sql`UPDATE orders o SET total_minor = 2 * oi.unit_price_minor FROM order_items oi WHERE oi.order_id = o.id AND o.number::int > 500000`);
  await db.execute(sql`
    INSERT INTO tickets (order_id, order_item_id, code, status, created_at)
    SELECT md5('order' || g)::uuid, md5('item' || g)::uuid,
      regexp_replace(upper(substr(md5('ticket' || g || '-' || k), 1, 16)), '(.{4})(?!$)', '\\1-', 'g'),
      (CASE WHEN g % 25 = 0 OR g % 40 = 1 THEN 'void' ELSE 'valid' END)::ticket_status, now()
    FROM generate_series(1, ${count}) g, generate_series(1, 2) k`);
  // VACUUM too: autovacuum would otherwise visit 300,000 fresh rows while the first search is timed.
  await db.execute(sql`VACUUM ANALYZE`);
  process.stderr.write(`seeded ${ORDERS} orders in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
}

/** CONCURRENCY loops for SECONDS, each a search then the baseline by turns, so a noisy machine slows both alike. */
async function drive(search: () => Promise<void>, baseline: () => Promise<void>) {
  const times = { search: [] as number[], baseline: [] as number[] };
  const until = performance.now() + SECONDS * 1000;
  const timed = async (once: () => Promise<void>, into: number[]) => {
    const started = performance.now();
    await once();
    into.push(performance.now() - started);
  };
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < until) {
        await timed(search, times.search);
        await timed(baseline, times.baseline);
      }
    }),
  );
  return times;
}

/** BENCH_EXPLAIN=1: each search's plan as the server runs it, with its timings, on stderr. */
async function explain(db: Database, values: { number: string; code: string; email: string; part: string; date: string }) {
  const ctx = { db, actor: { kind: "user", userId: "bench", email: "bench@museum.example", role: "staff" }, now: () => new Date(), settings: { venueTimeZone: "Asia/Kolkata" } } as unknown as Ctx;
  for (const input of [{ q: values.number }, { q: values.code }, { q: values.email }, { q: values.part }, { date: values.date }, {}]) {
    let query: SQL | undefined;
    // The search's own statement, caught on its way to the database.
    await searchOrders({ ctx: { ...ctx, db: { execute: async (statement: SQL) => ((query = statement), { rows: [] }) } as unknown as Database }, input });
    const { rows } = await db.execute<{ "QUERY PLAN": string }>(sql`EXPLAIN (ANALYZE, COSTS OFF) ${query!}`);
    process.stderr.write(`\n${JSON.stringify(input)}\n${rows.map((row) => row["QUERY PLAN"]).join("\n")}\n`);
  }
}

async function main() {
  await withBenchServer("search", { RATE_LIMIT_IP_PER_MINUTE: "10000000", RATE_LIMIT_STAFF_READS_PER_MINUTE: "1000000" }, async (server) => {
    const { db, url } = server;
    await seed(db);
    const pick = async <T>(query: ReturnType<typeof sql>) => (await db.execute<T & Record<string, unknown>>(query)).rows;
    const numbers = (await pick<{ number: string }>(sql`SELECT number FROM orders ORDER BY random() LIMIT 200`)).map((row) => row.number);
    // As a visitor reads a code out: lower case, spaces for dashes.
    const codes = (await pick<{ code: string }>(sql`SELECT code FROM tickets ORDER BY random() LIMIT 200`)).map((row) => row.code.toLowerCase().replace(/-/g, " "));
    const emails = (await pick<{ email: string }>(sql`SELECT email FROM orders ORDER BY random() LIMIT 200`)).map((row) => row.email);
    const surnames = LAST.filter((name) => name.length >= 5).map((name) => name.slice(1, 5).toLowerCase());
    const [{ starts_at: visit }] = (await pick<{ starts_at: string }>(sql`SELECT min(starts_at) AS starts_at FROM time_slots WHERE starts_at > now() + interval '1 day'`)) as [{ starts_at: string }];
    const day = venueDateOf(new Date(visit), "Asia/Kolkata");

    if (process.env.BENCH_EXPLAIN) await explain(db, { number: numbers[0]!, code: codes[0]!, email: emails[0]!, part: surnames[0]!, date: day });

    const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
    const cookie = await signedInCookie(server, agent, "staff");
    const get = (target: string, found?: (body: { orders: unknown[] }) => boolean) => async () => {
      const answer = await send(agent, `${url}${target}`, "GET", cookie);
      if (answer.status !== 200) throw new Error(`${target} answered ${answer.status}: ${answer.text}`);
      if (found && !found(JSON.parse(answer.text) as { orders: unknown[] })) throw new Error(`${target} found nothing`);
    };
    const me = get("/api/me");
    let next = 0;
    const each = (values: string[], query: (value: string) => string) => () => get(`/api/staff/orders?${query(values[next++ % values.length]!)}`, (body) => body.orders.length > 0)();
    const searches: [string, () => Promise<void>][] = [
      ["order-search-number", each(numbers, (number) => `q=${number}`)],
      ["order-search-ticket-code", each(codes, (code) => `q=${encodeURIComponent(code)}`)],
      ["order-search-email", each(emails, (value) => `q=${encodeURIComponent(value)}`)],
      ["order-search-partial-name", each(surnames, (part) => `q=${encodeURIComponent(part)}`)],
      ["order-search-visit-day", each([day], (date) => `date=${date}`)],
    ];
    // Warm every route up (the first requests of a route load its code).
    for (let i = 0; i < 10; i++) await Promise.all([me(), ...searches.map(([, search]) => search())]);
    for (const [name, search] of searches) {
      const times = await drive(search, me);
      const baseline = figure("order-search-baseline-get-me", times.baseline);
      console.log(JSON.stringify(baseline));
      console.log(JSON.stringify(figure(name, times.search, baseline)));
    }
    agent.destroy();
  });
}

await main();
