import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cartItems, orders } from "@/db/schema";
import { reconcileHolds } from "@/domain/availability/reconcile-holds";
import { startApp, type AppProcess } from "../support/app-process";
import { bookableShow, slotCounts } from "../support/cart-fixtures";
import { databaseForThisFile } from "../support/database";
import { roundRobinProxy } from "../support/round-robin-proxy";

/**
 * Issue 11: two app processes on one database behind one address, one of them on a host whose
 * clock is an hour ahead. Limits, places, expiry and the background jobs must behave as one app's.
 */
const db = databaseForThisFile();
const HOUR_MS = 3_600_000;
const METRICS_TOKEN = "two-processes-metrics-token";
const env = (url: string) => ({
  DATABASE_URL: url,
  DATA_DIR: ".tmp/two-processes-data",
  AUTH_SECRET: "two-processes-test-secret-not-for-any-server",
  RATE_LIMIT_SIGNIN_PER_MINUTE: "5",
  PAYMENT_TTL_SECONDS: "3",
  METRICS_TOKEN: METRICS_TOKEN,
});

let ahead: AppProcess;
let honest: AppProcess;
let proxy: Awaited<ReturnType<typeof roundRobinProxy>>;
let show: Awaited<ReturnType<typeof bookableShow>>;

const metric = async (app: AppProcess, name: string) => {
  const text = await (await fetch(`${app.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).text();
  return Number(new RegExp(`^${name} (\\S+)$`, "m").exec(text)?.[1]);
};
async function eventually(check: () => Promise<boolean>, timeoutMs = 15_000) {
  for (const deadline = Date.now() + timeoutMs; !(await check()); ) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
const send = (method: string, route: string, options: { body?: unknown; cookie?: string } = {}) =>
  fetch(`${proxy.url}${route}`, {
    method,
    headers: { "content-type": "application/json", ...(options.cookie && { cookie: options.cookie }) },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
const cookieOf = (response: Response) => response.headers.get("set-cookie")!.split(";")[0]!;
const requestsTo = (app: AppProcess, route: string) => app.logs().filter((line) => line.msg === "request" && line.path === route).length;
const databaseNow = async () => (await db.current.pool.query<{ now: Date }>("SELECT clock_timestamp() AS now")).rows[0]!.now.getTime();

beforeAll(async () => {
  show = await bookableShow(db.current.db, new Date(), { capacity: 20, slots: 3 });
  // Started first, so it takes the lead of the background jobs: its sweeper is the one that runs.
  ahead = await startApp({ ...env(db.current.url), CLOCK_AHEAD_MS: String(HOUR_MS), NODE_OPTIONS: `--import=${path.resolve("tests/support/clock-ahead.mjs")}` });
  await eventually(async () => (await metric(ahead, "background_jobs_leader")) === 1);
  honest = await startApp(env(db.current.url));
  proxy = await roundRobinProxy(() => [ahead, honest].filter((app) => app.child.exitCode === null).map((app) => app.url));
});
afterAll(async () => {
  await proxy?.close();
  await Promise.all([ahead?.stop(), honest?.stop()]);
});

describe("two app processes on one database behind one address", () => {
  it("run the background jobs in one of them", async () => {
    expect(await metric(ahead, "background_jobs_leader")).toBe(1);
    expect(await metric(honest, "background_jobs_leader")).toBe(0);
    expect(await metric(ahead, "database_clock_offset_seconds")).toBeCloseTo(-HOUR_MS / 1000, 0);
  });

  it("share the sign-in limit: 5 attempts a minute for an email in all, not 5 in each", async () => {
    const statuses = [];
    for (let attempt = 0; attempt < 10; attempt++) {
      statuses.push((await send("POST", "/api/auth/sign-in/email", { body: { email: "guessed@example.org", password: `guess-number-${attempt}` } })).status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429, 429, 429]);
    // Each process answered half of them (their log lines may lag the answers a little).
    await eventually(async () => requestsTo(ahead, "/api/auth/sign-in/email") + requestsTo(honest, "/api/auth/sign-in/email") === 10);
    expect(requestsTo(ahead, "/api/auth/sign-in/email")).toBe(5);
  });

  it("sell a slot out exactly, never beyond, when visitors race through both", async () => {
    const slot = show.slots[0]!;
    const answers = await Promise.all(
      Array.from({ length: 45 }, () => send("POST", "/api/cart/items", { body: { slotId: slot.id, ticketTypeId: show.adult.id, quantity: 1 } })),
    );
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(20);
    expect(statuses.filter((status) => status !== 201).every((status) => status === 409)).toBe(true);
    expect(await slotCounts(db.current.db, slot.id)).toMatchObject({ held: 20, sold: 0, capacity: 20 });
    expect(requestsTo(ahead, "/api/cart/items")).toBeGreaterThan(0);
    expect(requestsTo(honest, "/api/cart/items")).toBeGreaterThan(0);
  });

  it("time holds by one clock: the host an hour ahead neither lengthens holds nor sweeps them early", async () => {
    const slot = show.slots[1]!;
    const lines = [];
    for (let visitor = 0; visitor < 2; visitor++) {
      const answer = await send("POST", "/api/cart/items", { body: { slotId: slot.id, ticketTypeId: show.adult.id, quantity: 1 } });
      expect(answer.status).toBe(201);
      const cart = ((await answer.json()) as { cart: { items: { id: string; holdExpiresAt: string }[] } }).cart;
      const leftMs = Date.parse(cart.items[0]!.holdExpiresAt) - (await databaseNow());
      expect(leftMs).toBeGreaterThan(890_000);
      expect(leftMs).toBeLessThanOrEqual(900_050);
      lines.push(cart.items[0]!.id);
    }
    // A sweep of the leader (every 5 s) has run since.
    await new Promise((resolve) => setTimeout(resolve, 6_000));
    for (const id of lines) expect((await db.current.db.select().from(cartItems).where(eq(cartItems.id, id)))[0]?.status).toBe("held");
  });

  it("expire an unpaid order once: its places come back once and no count drifts", async () => {
    const slot = show.slots[2]!;
    const added = await send("POST", "/api/cart/items", { body: { slotId: slot.id, ticketTypeId: show.adult.id, quantity: 3 } });
    const checkout = await send("POST", "/api/checkout", { cookie: cookieOf(added), body: { name: "Asha Rao", email: "asha@example.org" } });
    expect(checkout.status).toBe(201);
    const order = ((await checkout.json()) as { order: { id: string; expiresAt: string } }).order;
    const ttlMs = Date.parse(order.expiresAt) - (await databaseNow());
    expect(ttlMs).toBeGreaterThan(2_000);
    expect(ttlMs).toBeLessThanOrEqual(3_050);
    expect(await slotCounts(db.current.db, slot.id)).toMatchObject({ held: 3 });

    await eventually(async () => (await db.current.db.select().from(orders).where(eq(orders.id, order.id)))[0]?.status === "expired");
    expect(await slotCounts(db.current.db, slot.id)).toMatchObject({ held: 0, sold: 0 });
    const expiries = [ahead, honest].flatMap((app) => app.logs().filter((line) => line.msg === "expired unpaid orders and gave their places back"));
    expect(expiries.map((line) => line.orders)).toEqual([1]);
    expect(await reconcileHolds(db.current.db)).toEqual([]);
    for (const app of [ahead, honest]) expect(await metric(app, "hold_drift_repairs_total")).toBe(0);
  });

  it("hand the background jobs to the other process within seconds when the leader stops", async () => {
    expect(await ahead.stop()).toBe(0);
    await eventually(async () => (await metric(honest, "background_jobs_leader")) === 1, 10_000);
    expect((await send("GET", "/api/health")).status).toBe(200);
  });
});
