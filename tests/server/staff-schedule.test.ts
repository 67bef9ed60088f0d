import { randomBytes } from "node:crypto";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { exhibitions, timeSlots } from "@/db/schema";
import { seedDemoMuseum } from "@/db/seed/seed-demo-museum";
import { startApp } from "../support/app-process";
import { createTestDatabase } from "../support/database";
import { expectApiError } from "../support/http-client";
import { productionServerForThisFile, SERVER_AUTH_SECRET } from "../support/production-server";
import { signedInStaff } from "../support/staff-fixtures";

const server = productionServerForThisFile();
const PATH = "/api/staff/exhibitions/life-in-the-deep/schedule";
const weekendMornings = { rules: [{ weekdays: [6, 7], from: "10:00", until: "12:00", everyMinutes: 60, capacity: 5 }], closedDates: [] };
const put = (client: ReturnType<typeof server.current.client>, body: unknown, headers: Record<string, string> = {}) => client.send("PUT", PATH, { body, headers });

describe("PUT and GET /api/staff/exhibitions/{slug}/schedule on the shipped server", () => {
  it("refuses nobody with 401, and door, staff and visitor accounts with 403", async () => {
    expectApiError(await server.current.client().get(PATH), 401, "unauthenticated");
    expectApiError(await put(server.current.client(), weekendMornings), 401, "unauthenticated");
    for (const role of ["door", "staff", "visitor"] as const) {
      const client = await signedInStaff(server.current, role);
      expectApiError(await client.get(PATH), 403, "forbidden");
      expectApiError(await put(client, weekendMornings), 403, "forbidden");
    }
  });

  it("answers 400 naming each wrong field, 404 for an unknown exhibition, and changes nothing", async () => {
    const admin = await signedInStaff(server.current, "admin");
    const cases: [unknown, string[]][] = [
      [{}, ["rules"]],
      [{ rules: [] }, ["rules"]],
      [{ rules: "every day" }, ["rules"]],
      [{ rules: weekendMornings.rules, closedDates: ["2026-02-30"], colour: "red" }, ["colour"]],
      [{ rules: weekendMornings.rules, closedDates: ["2026-02-30", "2026-02-30"] }, ["closedDates", "closedDates.0", "closedDates.1"]],
      [{ rules: [{ weekdays: [0], from: "25:00", until: "10:00", everyMinutes: 2, capacity: 0, extra: 1 }] }, ["rules.0.weekdays", "rules.0.from", "rules.0.everyMinutes", "rules.0.capacity", "rules.0.extra"]],
      [{ rules: [{ ...weekendMornings.rules[0], from: "12:00", until: "11:00" }] }, ["rules.0.until"]],
      [{ rules: Array.from({ length: 21 }, () => weekendMornings.rules[0]) }, ["rules"]],
    ];
    for (const [body, fields] of cases) {
      const answer = await put(admin, body);
      expectApiError(answer, 400, "invalid_request");
      expect(Object.keys(answer.body.error.fields).sort(), JSON.stringify(body)).toEqual(fields.sort());
    }
    expectApiError(await admin.send("PUT", PATH, { raw: "{ not json", headers: { "content-type": "application/json" } }), 400, "invalid_request");
    expectApiError(await admin.get("/api/staff/exhibitions/no-such-show/schedule"), 404, "not_found");
    expectApiError(await admin.send("PUT", "/api/staff/exhibitions/no-such-show/schedule", { body: weekendMornings }), 404, "not_found");
    expect((await admin.get(PATH)).body.schedule.rules[0].weekdays).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it("replaces the seeded schedule, answers what it did, and replays the same answer for the same Idempotency-Key", async () => {
    const admin = await signedInStaff(server.current, "admin");
    const before = await admin.get(PATH);
    expect(before.status).toBe(200);
    expect(before.body.schedule).toMatchObject({ rules: [{ weekdays: [1, 2, 3, 4, 5, 6, 7], from: "10:00", until: "18:00", everyMinutes: 30, capacity: 80 }], closedDates: [] });

    const key = randomBytes(8).toString("hex");
    const answer = await put(admin, weekendMornings, { "idempotency-key": key });
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body).toMatchObject({ schedule: { ...weekendMornings, updatedAt: expect.any(String) }, slotsCreated: 0, slotsResized: expect.any(Number), skipped: [] });
    expect(answer.body.slotsRemoved).toBeGreaterThan(700);
    const again = await put(admin, weekendMornings, { "idempotency-key": key });
    expect(again.body).toEqual(answer.body);
    expect((await admin.get(PATH)).body.schedule).toEqual(answer.body.schedule);

    const [deep] = await server.current.database.db.select().from(exhibitions).where(eq(exhibitions.slug, "life-in-the-deep"));
    const slots = await server.current.database.db.select().from(timeSlots).where(eq(timeSlots.exhibitionId, deep!.id));
    const future = slots.filter((slot) => slot.startsAt > new Date());
    expect(future.every((slot) => slot.capacity === 5)).toBe(true);
    const { rows } = await server.current.database.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'schedule.replace' AND entity_id = ${deep!.id}`);
    expect(rows[0]!.n).toBe(1);
  });
});

describe("the slot generator job", () => {
  it("fills the days missing from the booking window when the server starts, with no seed", async () => {
    const database = await createTestDatabase();
    // Seeded three days ago and not since: the last three days of today's window have no slots.
    await seedDemoMuseum(database.db, { now: new Date(Date.now() - 3 * 86_400_000), timeZone: "Asia/Kolkata", currency: "INR", withDemoStaff: false });
    const count = async () => (await database.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM time_slots`)).rows[0]!.n;
    const seeded = await count();
    const app = await startApp({ APP_ENV: "production", ALLOW_TEST_PAYMENTS: "true", AUTH_SECRET: SERVER_AUTH_SECRET, DATABASE_URL: database.url, DATA_DIR: path.resolve(".tmp", `server-${randomBytes(4).toString("hex")}`) });
    try {
      const line = await app.waitForLine((text) => text.includes("filled the booking window from the schedules"));
      expect(JSON.parse(line)).toMatchObject({ slotsCreated: 3 * 16 * 6 });
      expect(await count()).toBe(seeded + 3 * 16 * 6);
    } finally {
      await app.stop();
      await database.drop();
    }
  });
});
