import { randomBytes } from "node:crypto";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type AppProcess } from "../support/app-process";
import { databaseForThisFile } from "../support/database";
import { doorTickets, tokenOf } from "../support/door-fixtures";
import { httpClient } from "../support/http-client";
import { SERVER_AUTH_SECRET } from "../support/production-server";
import { signedInStaff } from "../support/staff-fixtures";

// Two server processes as `npm start` runs them, one database: the admission is decided there, not in a process.
const database = databaseForThisFile();
let apps: AppProcess[] = [];
beforeAll(async () => {
  const env = { APP_ENV: "production", ALLOW_TEST_PAYMENTS: "true", AUTH_SECRET: SERVER_AUTH_SECRET, DATABASE_URL: database.current.url };
  apps = await Promise.all([1, 2].map(() => startApp({ ...env, DATA_DIR: path.resolve(".tmp", `server-${randomBytes(4).toString("hex")}`) })));
});
afterAll(async () => {
  await Promise.all(apps.map((app) => app.stop()));
});

describe("POST /api/checkin on two processes", () => {
  it("admits exactly once when twenty scans of one ticket are split across both", async () => {
    const { tickets: [ticket] } = await doorTickets(database.current.db, 1);
    const signedIn = await signedInStaff({ app: apps[0]!, database: database.current, dataDir: "", client: () => httpClient(apps[0]!.url) }, "door");
    // The same door session on each process.
    const clients = apps.map((app) => httpClient(app.url));
    for (const client of clients) for (const [name, value] of signedIn.cookies) client.cookies.set(name, value);
    const token = tokenOf(ticket!.claims, SERVER_AUTH_SECRET);
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => clients[i % 2]!.post("/api/checkin", { token, gate: `Gate ${i}` })));
    expect(answers.map((answer) => answer.status).sort(), answers.map((answer) => answer.text).join("\n")).toEqual([200, ...Array<number>(19).fill(409)]);
    const byProcess = answers.map((answer, i) => ({ process: i % 2, status: answer.status }));
    // Both processes answered, so both took part in the race.
    expect(new Set(byProcess.filter((each) => each.status === 409).map((each) => each.process)).size).toBe(2);
  });
});
