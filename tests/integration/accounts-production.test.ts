import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_STAFF } from "@/db/seed/demo-museum";
import { startApp, type AppProcess } from "../support/app-process";
import { createTestDatabase, type TestDatabase } from "../support/database";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "../..");

let database: TestDatabase;
let app: AppProcess;
beforeAll(async () => {
  database = await createTestDatabase();
  app = await startApp({ APP_ENV: "production", ALLOW_TEST_PAYMENTS: "true", AUTH_SECRET: "production-test-secret-0123456789abcdef", DATABASE_URL: database.url, DATA_DIR: ".tmp/accounts-production" });
});
afterAll(async () => {
  await app?.stop();
  await database.drop();
});

const post = (pathname: string, body: unknown, cookie?: string) =>
  fetch(`${app.url}${pathname}`, { method: "POST", headers: { "content-type": "application/json", ...(cookie && { cookie }) }, body: JSON.stringify(body) });

const userCreate = (...args: string[]) =>
  run(process.execPath, ["--import", "tsx", "scripts/user-create.ts", ...args], { cwd: root, env: { NODE_ENV: "production", PATH: process.env.PATH, DATABASE_URL: database.url, LOG_LEVEL: "silent", APP_ENV: "production", ALLOW_TEST_PAYMENTS: "true", AUTH_SECRET: "x".repeat(32) } });

describe("accounts on a production server", () => {
  it("mark the session and guest cookies Secure", async () => {
    const signedUp = await post("/api/auth/sign-up/email", { name: "Ravi", email: "ravi@example.org", password: "a long enough password" });
    expect(signedUp.status).toBe(200);
    const session = signedUp.headers.getSetCookie().find((cookie) => cookie.startsWith("__Secure-better-auth.session_token="));
    expect(session).toMatch(/; Secure/);
    expect(session).toMatch(/HttpOnly/);
    const me = await fetch(`${app.url}/api/me`, { headers: { cookie: session!.split(";")[0]! } });
    expect((await me.json()).user.email).toBe("ravi@example.org");

    const slots = await (await fetch(`${app.url}/api/exhibitions/chola-bronzes/slots`)).json();
    const exhibition = await (await fetch(`${app.url}/api/exhibitions/chola-bronzes`)).json();
    const open = slots.slots.find((slot: { status: string }) => slot.status !== "closed");
    const added = await post("/api/cart/items", { slotId: open.id, ticketTypeId: exhibition.exhibition.ticketTypes[0].id, quantity: 1 });
    expect(added.headers.get("set-cookie")).toMatch(/; Secure/);
  });

  it("has no demo staff account", async () => {
    const [{ n }] = (await database.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM "user" WHERE email = $1`, [DEMO_STAFF.email])).rows as [{ n: number }];
    expect(n).toBe(0);
    expect(app.lines.join("\n")).not.toContain(DEMO_STAFF.email);
  });

  it("gets staff from `npm run user:create`, which also changes the role of an existing account", async () => {
    const created = await userCreate("--email", "Director@Example.org", "--role", "admin", "--password", "director password 1");
    expect(created.stdout).toContain("Created admin director@example.org");
    const signedIn = await post("/api/auth/sign-in/email", { email: "director@example.org", password: "director password 1" });
    const cookie = signedIn.headers.getSetCookie()[0]!.split(";")[0]!;
    expect((await (await fetch(`${app.url}/api/me`, { headers: { cookie } })).json()).user.role).toBe("admin");

    const generated = await userCreate("--email", "door@example.org", "--role", "staff");
    const password = /with password (\S+)/.exec(generated.stdout)![1]!;
    expect((await post("/api/auth/sign-in/email", { email: "door@example.org", password })).status).toBe(200);

    const demoted = await userCreate("--email", "director@example.org", "--role", "staff");
    expect(demoted.stdout).toContain("its role is now staff");
    expect((await (await fetch(`${app.url}/api/me`, { headers: { cookie } })).json()).user.role).toBe("staff");
  });

  it("refuses a bad command line with its usage", async () => {
    await expect(userCreate("--email", "not-an-email", "--role", "owner")).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining("usage: npm run user:create") });
  });
});
