import { hashPassword } from "better-auth/crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_STAFF } from "@/db/seed/demo-museum";
import { DEMO_PASSWORD_RETIRED } from "@/db/seed/retire-published-demo-password";
import { DEMO_STAFF_CREATED } from "@/db/seed/seed-demo-museum";
import { startApp, type AppProcess } from "../support/app-process";
import { createTestDatabase, type TestDatabase } from "../support/database";

// The mistake the issue names: a production build (NODE_ENV=production, as startApp runs it) on a
// real server whose operator forgot APP_ENV=production.
const env = (database: TestDatabase) => ({ DATABASE_URL: database.url, DATA_DIR: ".tmp/demo-staff" });

let database: TestDatabase;
let app: AppProcess;
beforeAll(async () => {
  database = await createTestDatabase();
  app = await startApp(env(database));
});
afterAll(async () => {
  await app?.stop();
  await database?.drop();
});

const signIn = (password: string) =>
  fetch(`${app.url}/api/auth/sign-in/email`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email: DEMO_STAFF.email, password }) });
const printed = (on: AppProcess) => on.logs().filter((line) => line.msg === DEMO_STAFF_CREATED);

describe("a server started without APP_ENV=production", () => {
  it("creates the demo staff account with a generated password, printed once at its first start; the published one never works", async () => {
    const [line] = printed(app);
    expect(line).toMatchObject({ level: "warn", email: DEMO_STAFF.email, password: expect.stringMatching(/^[\w-]{16,}$/) });
    expect((await signIn("kaveri-demo-staff")).status).toBe(401);
    const signedIn = await signIn(line!.password as string);
    expect(signedIn.status).toBe(200);
    const cookie = signedIn.headers.getSetCookie()[0]!.split(";")[0]!;
    expect((await (await fetch(`${app.url}/api/me`, { headers: { cookie } })).json()).user.role).toBe("admin");

    await app.stop();
    app = await startApp(env(database));
    expect(printed(app)).toEqual([]);
    expect(app.lines.join("\n")).not.toContain(line!.password as string);
    expect((await signIn(line!.password as string)).status).toBe(200);
  });

  it("replaces the published password of a demo account seeded before it was generated, at the next start, shown once", async () => {
    const [{ id }] = (await database.pool.query(`SELECT a.id FROM account a JOIN "user" u ON u.id = a.user_id WHERE u.email = $1`, [DEMO_STAFF.email])).rows;
    await database.pool.query("UPDATE account SET password = $1 WHERE id = $2", [await hashPassword("kaveri-demo-staff"), id]);
    await app.stop();
    app = await startApp(env(database));
    const [line] = app.logs().filter((entry) => entry.msg === DEMO_PASSWORD_RETIRED);
    expect(line).toMatchObject({ level: "warn", email: DEMO_STAFF.email, password: expect.stringMatching(/^[\w-]{16,}$/) });
    expect((await signIn("kaveri-demo-staff")).status).toBe(401);
    expect((await signIn(line!.password as string)).status).toBe(200);
  });

  it("keeps /metrics closed without a METRICS_TOKEN, and sends no HSTS over http", async () => {
    const metrics = await fetch(`${app.url}/metrics`);
    expect(metrics.status).toBe(404);
    expect((await metrics.json()).error.code).toBe("not_found");
    const page = await fetch(`${app.url}/`);
    expect(page.headers.get("x-frame-options")).toBe("DENY");
    expect(page.headers.get("strict-transport-security")).toBeNull();
  });
});
