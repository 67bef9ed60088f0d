import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoMuseum } from "@/db/seed/seed-demo-museum";
import { freeLoopbackPort } from "@/db/embedded/free-port";
import { launchApp, startApp, type AppProcess } from "../support/app-process";
import { adminQuery, createBareDatabase, createTestDatabase, type TestDatabase } from "../support/database";

describe("a server on DATABASE_URL", () => {
  let database: TestDatabase;
  let app: AppProcess;

  beforeAll(async () => {
    database = await createTestDatabase();
    await seedDemoMuseum(database.db, { now: new Date(), timeZone: "Asia/Kolkata", currency: "INR", withDemoStaff: false });
    app = await startApp({ DATABASE_URL: database.url, DATA_DIR: ".tmp/server-test-data", METRICS_TOKEN: "metrics-token-for-tests-0123456789" });
  });
  afterAll(async () => {
    await app?.stop();
    await database.drop();
  });

  it("uses that database and starts no embedded one", () => {
    const serving = app.logs().find((line) => String(line.msg).startsWith("Serving on"));
    expect(serving).toMatchObject({ database: "DATABASE_URL" });
    expect(app.lines.join("\n")).not.toContain("Embedded PostgreSQL");
  });

  it("reports health", async () => {
    const response = await fetch(`${app.url}/api/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", db: "ok" });
  });

  it("logs one JSON line per request with its request id, method, route, status and duration", async () => {
    const response = await fetch(`${app.url}/api/exhibitions/chola-bronzes`);
    const requestId = response.headers.get("x-request-id");
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    await app.waitForLine((line) => line.includes(requestId!));
    const entries = app.logs().filter((line) => line.requestId === requestId);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ msg: "request", method: "GET", route: "/api/exhibitions/[slug]", status: 200, durationMs: expect.any(Number) });
  });

  it("serves adds to the cart on its direct path with every rule of the route: cookie, 415, 413, 403, log line", async () => {
    const exhibition = (await (await fetch(`${app.url}/api/exhibitions/chola-bronzes`)).json()).exhibition;
    const slot = (await (await fetch(`${app.url}/api/exhibitions/chola-bronzes/slots`)).json()).slots.find((one: { status: string }) => one.status !== "closed");
    const body = JSON.stringify({ slotId: slot.id, ticketTypeId: exhibition.ticketTypes[0].id, quantity: 1 });
    const add = (init: { headers?: Record<string, string>; body?: string } = {}) =>
      fetch(`${app.url}/api/cart/items`, { method: "POST", headers: { "content-type": "application/json", ...init.headers }, body: init.body ?? body });

    const first = await add();
    expect(first.status).toBe(201);
    const cookie = first.headers.get("set-cookie")!.split(";")[0]!;
    expect(cookie).toMatch(/^cart=/);
    const second = await add({ headers: { cookie } });
    expect(second.headers.get("set-cookie")).toBeNull();
    expect((await second.json()).cart.itemCount).toBe(2);

    expect((await add({ headers: { "content-type": "text/plain" } })).status).toBe(415);
    const tooBig = await add({ body: JSON.stringify({ padding: "x".repeat(70_000) }) });
    expect(tooBig.status).toBe(413);
    expect((await tooBig.json()).error.code).toBe("payload_too_large");
    expect((await add({ headers: { origin: "https://elsewhere.example" } })).status).toBe(403);

    const requestId = first.headers.get("x-request-id")!;
    await app.waitForLine((line) => line.includes(requestId));
    expect(app.logs().find((line) => line.requestId === requestId)).toMatchObject({ method: "POST", route: "/api/cart/items", status: 201 });
  });

  it("never trusts a request id sent by the client", async () => {
    const response = await fetch(`${app.url}/api/health`, { headers: { "x-request-id": "forged" } });
    expect(response.headers.get("x-request-id")).not.toBe("forged");
  });

  it("exports request counts and latency histograms by route and status", async () => {
    await (await fetch(`${app.url}/api/exhibitions/no-such-exhibition`)).text();
    await (await fetch(`${app.url}/api/exhibitions`)).text();
    const response = await fetch(`${app.url}/metrics`, { headers: { authorization: "Bearer metrics-token-for-tests-0123456789" } });
    expect(response.headers.get("content-type")).toContain("text/plain");
    const text = await response.text();
    expect(text).toMatch(/http_requests_total\{method="GET",route="\/api\/exhibitions\/\[slug\]",status="404"\} [1-9]/);
    expect(text).toMatch(/http_request_duration_seconds_bucket\{le="0\.1",method="GET",route="\/api\/exhibitions",status="200"\} [1-9]/);
    expect(text).toContain("process_cpu_seconds_total");
  });

  it("serves the web manifest to anyone", async () => {
    const response = await fetch(`${app.url}/manifest.webmanifest`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ name: expect.stringContaining("Kaveri"), start_url: "/" });
  });

  it("lets only the browser keep the catalogue pages (for Back), and keeps no-store on everything that shows holds, orders or accounts", async () => {
    const cacheControl = async (pathname: string) => (await fetch(`${app.url}${pathname}`, { redirect: "manual" })).headers.get("cache-control");
    for (const page of ["/", "/exhibitions", "/exhibitions/chola-bronzes"]) expect(await cacheControl(page)).toBe("private, no-cache");
    for (const page of ["/cart", "/checkout", "/account", "/sign-in", "/staff", "/api/exhibitions", "/api/cart"]) expect([page, await cacheControl(page)]).toEqual([page, expect.stringContaining("no-store")]);
  });

  it("serves a favicon and a robots.txt that keeps search engines out of staff pages and the API", async () => {
    const favicon = await fetch(`${app.url}/favicon.ico`);
    expect(favicon.status).toBe(200);
    expect((await favicon.arrayBuffer()).byteLength).toBeGreaterThan(0);
    const robots = await fetch(`${app.url}/robots.txt`);
    expect(robots.status).toBe(200);
    const rules = (await robots.text()).split("\n");
    expect(rules).toEqual(expect.arrayContaining(["User-agent: *", "Disallow: /staff", "Disallow: /api/"]));
  });

  it("answers unknown API paths with a JSON 404, not an HTML page", async () => {
    const response = await fetch(`${app.url}/api/no/such/route`, { method: "POST" });
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toContain("application/json");
    expect((await response.json()).error).toMatchObject({ code: "not_found", requestId: response.headers.get("x-request-id") });
  });

  it("serves the 404 page with status 404 for an unknown exhibition", async () => {
    const response = await fetch(`${app.url}/exhibitions/no-such-exhibition`);
    expect(response.status).toBe(404);
    expect(await response.text()).toContain("find that page");
  });

  it("answers a real fault with 500 in the error shape and logs the stack under the same request id", async () => {
    await database.pool.query("ALTER TABLE ticket_showcase_config RENAME TO ticket_showcase_config_gone");
    try {
      const response = await fetch(`${app.url}/api/exhibitions`);
      expect(response.status).toBe(500);
      const body = await response.json();
      const requestId = response.headers.get("x-request-id");
      expect(body).toEqual({ error: { code: "internal", message: expect.any(String), requestId } });
      await app.waitForLine((line) => line.includes('"level":"error"') && line.includes(requestId!));
      const logged = app.logs().find((line) => line.level === "error" && line.requestId === requestId) as { err: { stack: string } };
      expect(logged.err.stack).toContain("ticket_showcase_config");
    } finally {
      await database.pool.query("ALTER TABLE ticket_showcase_config_gone RENAME TO ticket_showcase_config");
    }
  });

  it("answers 503 while the database is unreachable, and recovers", async () => {
    await adminQuery(`ALTER DATABASE ${database.name} ALLOW_CONNECTIONS false`);
    await adminQuery(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${database.name}' AND pid <> pg_backend_pid()`);
    try {
      const response = await fetch(`${app.url}/api/health`);
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ status: "unavailable", db: "unreachable", error: { code: "unavailable" } });
    } finally {
      await adminQuery(`ALTER DATABASE ${database.name} ALLOW_CONNECTIONS true`);
    }
    const healthy = await fetch(`${app.url}/api/health`);
    expect(healthy.status).toBe(200);
  });
});

describe("start-up refuses to serve", () => {
  it.each([
    [{ HOLD_TTL_SECONDS: "abc" }, "HOLD_TTL_SECONDS"],
    [{ PORT: "-1" }, "PORT"],
  ])("with a bad variable %o, in one line naming %s", async (env, variable) => {
    const app = launchApp({ ...env, DATABASE_URL: "postgres://nobody@127.0.0.1:1/none" }, 1);
    expect(await app.exited).toBe(1);
    expect(app.lines.filter(Boolean)).toEqual([expect.stringContaining(variable)]);
  });

  it("on a database it cannot migrate, with a clear message", async () => {
    const bare = await createBareDatabase();
    const client = new pg.Client({ connectionString: bare.url });
    await client.connect();
    await client.query("CREATE TABLE exhibitions (legacy integer)");
    await client.end();
    try {
      const port = await freeLoopbackPort();
      const app = launchApp({ DATABASE_URL: bare.url }, port);
      expect(await app.exited).toBe(1);
      expect(app.lines.join("\n")).toContain("could not be migrated, so the app will not serve on it");
      expect(app.lines.join("\n")).not.toContain("Serving on");
    } finally {
      await bare.drop();
    }
  });

  it("on an unreachable database", async () => {
    const app = launchApp({ DATABASE_URL: `postgres://nobody:x@127.0.0.1:${await freeLoopbackPort()}/none` }, await freeLoopbackPort());
    expect(await app.exited).toBe(1);
    expect(app.lines.join("\n")).toContain("Could not start");
  });
});
