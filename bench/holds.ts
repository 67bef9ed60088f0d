/**
 * npm run bench: how many holds a second one hot slot takes, straight through pg (the raw limit of
 * the single-statement hold) and through POST /api/cart/items over HTTP, measured in one run on a
 * fresh embedded PostgreSQL so that the ratio holds on any machine; between them, the addToCart
 * verb called directly, one transaction per add (what the HTTP path did before adds were
 * coalesced, decision 9), to show what coalescing buys. One JSON line per figure.
 */
import fs from "node:fs/promises";
import http from "node:http";
import path from "node:path";
import { eq } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import pg from "pg";
import { connectDatabase } from "@/db/client";
import { startEmbeddedPostgres } from "@/db/embedded/embedded-postgres";
import { freeLoopbackPort } from "@/db/embedded/free-port";
import { migrateDatabase } from "@/db/migrate";
import { exhibitions, ticketTypes, timeSlots } from "@/db/schema";
import { holdStatement } from "@/domain/availability/holds";
import { salesWindow } from "@/domain/availability/slot-bookable";
import { addToCart } from "@/domain/cart/add-to-cart";
import { ensureBuild } from "@/server/start/build";
import { launchApp } from "../tests/support/app-process";
import { guest, settings } from "../tests/support/cart-fixtures";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONCURRENCY = (process.env.BENCH_CONCURRENCY ?? "8,64").split(",").map(Number);
const SELL_OUT_CAPACITY = 200;

type Figure = { holds: number; latencies: number[]; seconds: number };

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

function summarise(name: string, concurrency: number, figure: Figure, oversold: number, raw?: number) {
  const sorted = [...figure.latencies].sort((a, b) => a - b);
  const holdsPerSec = Math.round(figure.holds / figure.seconds);
  return {
    name,
    concurrency,
    holdsPerSec,
    p50ms: Math.round(percentile(sorted, 50) * 100) / 100,
    p99ms: Math.round(percentile(sorted, 99) * 100) / 100,
    oversold,
    ratioToRaw: raw ? Math.round((holdsPerSec / raw) * 100) / 100 : 1,
  };
}

/** Runs `concurrency` loops of `once` for SECONDS; `once` resolves true for a hold taken. */
async function drive(concurrency: number, once: (worker: number) => Promise<boolean>, seconds = SECONDS): Promise<Figure> {
  const latencies: number[] = [];
  let holds = 0;
  const started = performance.now();
  const until = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      while (performance.now() < until) {
        const t = performance.now();
        if (await once(worker)) {
          holds++;
          latencies.push(performance.now() - t);
        }
      }
    }),
  );
  return { holds, latencies, seconds: (performance.now() - started) / 1000 };
}

async function main() {
  const dataDir = path.resolve(".tmp", `bench-${process.pid}`);
  await fs.rm(dataDir, { recursive: true, force: true });
  await ensureBuild({ log: (message) => process.stderr.write(`${message}\n`) });
  const database = await startEmbeddedPostgres({ dataDir, log: () => {} });
  // The app as it runs for real, request log lines included; behind a "proxy", so that each visitor
  // comes from an address of its own (X-Forwarded-For), as in a real rush, and no address's cap is reached.
  const app = launchApp({ DATABASE_URL: database.url, TRUST_PROXY: "true" }, await freeLoopbackPort());
  try {
    await migrateDatabase(database.url);
    await app.waitForLine((line) => line.includes("Serving on"));
    const { db, close } = connectDatabase(database.url);
    const [exhibition] = await db
      .insert(exhibitions)
      .values({ slug: "bench", kind: "show", status: "published", title: "Bench", summary: "", description: "", imageUrl: "/icon.svg", durationMinutes: 30 })
      .returning();
    const [adult] = await db.insert(ticketTypes).values({ exhibitionId: exhibition!.id, code: "adult", name: "Adult", priceMinor: 100 }).returning();
    const tomorrow = Date.now() + 86_400_000;
    let slotNumber = 0;
    const newSlot = async (capacity: number) => {
      const startsAt = new Date(tomorrow + slotNumber++ * 60_000);
      const [slot] = await db.insert(timeSlots).values({ exhibitionId: exhibition!.id, startsAt, endsAt: new Date(startsAt.getTime() + 1_800_000), capacity }).returning();
      return slot!.id;
    };
    const slotState = async (slotId: string) => (await db.select().from(timeSlots).where(eq(timeSlots.id, slotId)))[0]!;

    // The very statement takeHold sends, rendered once per slot for a plain pg client.
    const window = salesWindow(new Date(), settings.venueTimeZone);
    const rendered = (slotId: string) => new PgDialect().sqlToQuery(holdStatement(slotId, 1, window));
    const url = new URL(`${app.url}/api/cart/items`);

    for (const concurrency of CONCURRENCY) {
      // (a) The raw limit: the hold statement alone, one connection per client.
      const clients = await Promise.all(Array.from({ length: concurrency }, async () => {
        const client = new pg.Client({ connectionString: database.url });
        await client.connect();
        return client;
      }));
      const rawSlot = await newSlot(100_000_000);
      const rawHold = rendered(rawSlot);
      const raw = await drive(concurrency, async (worker) => (await clients[worker]!.query(rawHold.sql, rawHold.params)).rowCount === 1);
      const soldOutSlot = await newSlot(SELL_OUT_CAPACITY);
      const soldOutHold = rendered(soldOutSlot);
      const rawSold = await drive(concurrency, async (worker) => (await clients[worker]!.query(soldOutHold.sql, soldOutHold.params)).rowCount === 1, 1);
      await Promise.all(clients.map((client) => client.end()));
      const rawFigure = summarise("hold-raw-sql", concurrency, raw, Math.max(0, rawSold.holds - SELL_OUT_CAPACITY));
      console.log(JSON.stringify(rawFigure));

      // Between the two: the addToCart verb itself, no HTTP, a new guest cart every 10 tickets.
      const verbPool = connectDatabase(database.url, { max: concurrency });
      const verbCtx = { db: verbPool.db, actor: { kind: "anonymous" as const }, now: () => new Date(), settings };
      const owners = Array.from({ length: concurrency }, () => ({ count: 0, owner: guest(), address: visitorAddress() }));
      const verbSlot = await newSlot(100_000_000);
      const verb = await drive(concurrency, async (worker) => {
        const state = owners[worker]!;
        if (state.count++ % 10 === 0) Object.assign(state, { owner: guest(), address: visitorAddress() });
        await addToCart({ ctx: verbCtx, input: { owner: state.owner, address: state.address, slotId: verbSlot, ticketTypeId: adult!.id, quantity: 1 } });
        return true;
      });
      await verbPool.close();
      const verbState = await slotState(verbSlot);
      console.log(JSON.stringify(summarise("hold-domain-add-to-cart", concurrency, verb, Math.max(0, verb.holds - verbState.held), rawFigure.holdsPerSec)));

      // (b) The real path: POST /api/cart/items, each client its own guest cart (a new one, from a new address, every 10 tickets, the limit).
      const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
      const carts: { cookie?: string; count: number; address: string }[] = Array.from({ length: concurrency }, () => ({ count: 0, address: visitorAddress() }));
      const add = (slotId: string) => async (worker: number) => {
        const cart = carts[worker]!;
        if (cart.count >= 10) carts[worker] = { count: 0, address: visitorAddress() };
        const { status, cookie } = await post(agent, url, { slotId, ticketTypeId: adult!.id, quantity: 1 }, carts[worker]!.address, carts[worker]!.cookie);
        if (status !== 201) return false;
        carts[worker]!.cookie ??= cookie;
        carts[worker]!.count++;
        return true;
      };
      const httpSlot = await newSlot(100_000_000);
      const viaHttp = await drive(concurrency, add(httpSlot));
      const httpSoldOutSlot = await newSlot(SELL_OUT_CAPACITY);
      const httpSold = await drive(concurrency, add(httpSoldOutSlot), 1);
      agent.destroy();
      const state = await slotState(httpSoldOutSlot);
      const oversold = Math.max(0, httpSold.holds - SELL_OUT_CAPACITY, state.held + state.sold - state.capacity);
      console.log(JSON.stringify(summarise("hold-http-post-cart-items", concurrency, viaHttp, oversold, rawFigure.holdsPerSec)));
    }
    await close();
  } finally {
    await app.stop();
    await database.stop();
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}

let visitors = 0;
const visitorAddress = () => `10.${(++visitors >> 16) & 255}.${(visitors >> 8) & 255}.${visitors & 255}`;

function post(agent: http.Agent, url: URL, body: unknown, address: string, cookie?: string): Promise<{ status: number; cookie?: string }> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      { method: "POST", agent, headers: { "content-type": "application/json", "content-length": Buffer.byteLength(payload), "x-forwarded-for": address, ...(cookie && { cookie }) } },
      (response) => {
        response.resume();
        response.on("end", () => resolve({ status: response.statusCode ?? 0, cookie: response.headers["set-cookie"]?.[0]?.split(";")[0] }));
      },
    );
    request.on("error", reject);
    request.end(payload);
  });
}

await main();
