import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "@/db/embedded/embedded-postgres";
import { startApp, type AppProcess } from "../support/app-process";
import { openEventStream } from "../support/event-stream";

/**
 * Issue 11: the database going away under a running app, and coming back. Each test makes a
 * PostgreSQL cluster and starts the app on it, which takes a while on a busy machine.
 */
const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});
const newDataDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "museum-restart-"));
  cleanups.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
};
const started = async (env: Record<string, string>) => {
  const app = await startApp(env);
  cleanups.push(() => app.stop());
  return app;
};

async function eventually(check: () => Promise<boolean>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
const healthy = async (app: AppProcess) => (await fetch(`${app.url}/api/health`)).status === 200;

/** A slot of the demo museum that is open for booking, and its adult ticket. */
async function openSlot(app: AppProcess) {
  const { exhibition } = (await (await fetch(`${app.url}/api/exhibitions/monsoon-rivers`)).json()) as { exhibition: { ticketTypes: { id: string; consumesCapacity: boolean }[] } };
  const { slots } = (await (await fetch(`${app.url}/api/exhibitions/monsoon-rivers/slots`)).json()) as { slots: { id: string; status: string }[] };
  return { slotId: slots.find((slot) => slot.status === "open")!.id, ticketTypeId: exhibition.ticketTypes.find((type) => type.consumesCapacity)!.id };
}
const add = (app: AppProcess, line: { slotId: string; ticketTypeId: string }) =>
  fetch(`${app.url}/api/cart/items`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ ...line, quantity: 1 }) });

/**
 * With the database back: the app serves adds, and its live-update stream (opened before the
 * outage, never closed) reports each of two adds, the second only through a LISTEN made anew.
 */
async function servesAndStreamsAgain(app: AppProcess, stream: Awaited<ReturnType<typeof openEventStream>>, line: { slotId: string; ticketTypeId: string }, before: number) {
  for (const taken of [1, 2]) {
    expect((await add(app, line)).status).toBe(201);
    await stream.next((event) => event.event === "availability" && event.data.slotId === line.slotId && event.data.available === before - taken, 10_000);
  }
}

describe("the embedded PostgreSQL killed under a running app", () => {
  it("is started again by the app, which is healthy within seconds and streams live updates again", async () => {
    const dataDir = newDataDir();
    const app = await started({ DATA_DIR: dataDir });
    const line = await openSlot(app);
    const stream = await openEventStream(`${app.url}/api/events?slots=${line.slotId}`);
    cleanups.push(() => stream.close());
    const before = (await stream.next((event) => event.event === "availability")).data.available as number;

    const postmaster = Number(fs.readFileSync(path.join(dataDir, "pg", "postmaster.pid"), "utf8").split("\n")[0]);
    process.kill(postmaster, "SIGKILL");
    const killedAt = Date.now();
    await eventually(async () => !(await healthy(app)), 5_000);
    await eventually(() => healthy(app), 20_000);
    expect(Date.now() - killedAt).toBeLessThan(20_000);
    expect(app.lines.join("\n")).toContain("The embedded PostgreSQL is gone");

    await servesAndStreamsAgain(app, stream, line, before);
    expect(app.child.exitCode).toBeNull();
    expect(await app.stop()).toBe(0);
    expect(fs.existsSync(path.join(dataDir, "pg", "postmaster.pid"))).toBe(false);
  }, 150_000);
});

describe("a DATABASE_URL server restarted under a running app", () => {
  it("is survived without restarting the app: sign-in refuses with 503 meanwhile, then health, adds and live updates come back", async () => {
    const dataDir = newDataDir();
    let external: EmbeddedPostgres = await startEmbeddedPostgres({ dataDir, log: () => {} });
    cleanups.push(() => external.stop());
    const port = Number(new URL(external.url).port);
    const app = await started({ DATABASE_URL: external.url, DATA_DIR: newDataDir() });
    const line = await openSlot(app);
    const stream = await openEventStream(`${app.url}/api/events?slots=${line.slotId}`);
    cleanups.push(() => stream.close());
    const before = (await stream.next((event) => event.event === "availability")).data.available as number;

    await external.stop();
    expect((await fetch(`${app.url}/api/health`)).status).toBe(503);
    const signIn = await fetch(`${app.url}/api/auth/sign-in/email`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email: "a@example.org", password: "whatever-it-is" }) });
    expect(signIn.status).toBe(503);
    expect(signIn.headers.get("retry-after")).toBe("5");
    expect(((await signIn.json()) as { error: { code: string } }).error.code).toBe("busy");

    external = await startEmbeddedPostgres({ dataDir, log: () => {}, port });
    await eventually(() => healthy(app), 10_000);
    await servesAndStreamsAgain(app, stream, line, before);
    expect(app.child.exitCode).toBeNull();
  }, 150_000);
});
