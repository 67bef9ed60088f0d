import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { freeLoopbackPort } from "@/db/embedded/free-port";
import { launchApp, startApp, type AppProcess } from "../support/app-process";
import { nobody as nobodyUser, tempDataDirs } from "../support/data-dirs";

const newDataDir = tempDataDirs("museum-lifecycle-");

const exhibitionIds = async (app: AppProcess) => ((await (await fetch(`${app.url}/api/exhibitions`)).json()) as { exhibitions: { id: string }[] }).exhibitions.map((e) => e.id);
const postgresRunning = (dataDir: string) => fs.existsSync(path.join(dataDir, "pg", "postmaster.pid"));
const messages = (app: AppProcess) => app.logs().map((line) => String(line.msg));

describe("the embedded PostgreSQL", () => {
  const dataDir = newDataDir();
  let firstIds: string[];

  it("is created, migrated and seeded on the first start, and stopped cleanly by SIGTERM", async () => {
    const app = await startApp({ DATA_DIR: dataDir });
    expect(messages(app)).toEqual(expect.arrayContaining([expect.stringContaining("Creating the embedded PostgreSQL"), "seeded the demo museum into the empty database"]));
    firstIds = await exhibitionIds(app);
    expect(firstIds.length).toBeGreaterThanOrEqual(4);
    expect(await app.stop("SIGTERM")).toBe(0);
    expect(messages(app)).toContain("Embedded PostgreSQL stopped");
    expect(postgresRunning(dataDir)).toBe(false);
  });

  it("is reused, not re-created or re-seeded, by the next start, and stopped by Ctrl-C (SIGINT)", async () => {
    const app = await startApp({ DATA_DIR: dataDir });
    expect(messages(app).some((msg) => msg.includes("Creating") || msg.includes("seeded"))).toBe(false);
    expect(await exhibitionIds(app)).toEqual(firstIds);
    expect(await app.stop("SIGINT")).toBe(0);
    expect(postgresRunning(dataDir)).toBe(false);
  });

  it("refuses a second server on the same data folder, leaving the first untouched", async () => {
    const first = await startApp({ DATA_DIR: dataDir });
    const second = launchApp({ DATA_DIR: dataDir }, await freeLoopbackPort());
    expect(await second.exited).toBe(1);
    expect(second.lines.join("\n")).toContain("is already running on");
    expect((await fetch(`${first.url}/api/health`)).status).toBe(200);
    expect(await first.stop()).toBe(0);
  });

  it("recovers after the app was killed with SIGKILL", async () => {
    const killed = await startApp({ DATA_DIR: dataDir });
    await killed.stop("SIGKILL");
    expect(postgresRunning(dataDir)).toBe(true);

    const app = await startApp({ DATA_DIR: dataDir });
    expect(messages(app).some((msg) => msg.includes("Using the embedded PostgreSQL already running"))).toBe(true);
    expect(await exhibitionIds(app)).toEqual(firstIds);
    expect(await app.stop()).toBe(0);
    expect(postgresRunning(dataDir)).toBe(false);
  });
});

describe.runIf(process.getuid?.() === 0)("started by root", () => {
  it("runs PostgreSQL as the postgres user, owning only its cluster folder", async () => {
    const dataDir = newDataDir();
    const app = await startApp({ DATA_DIR: dataDir });
    const owner = fs.statSync(path.join(dataDir, "pg")).uid;
    expect(owner).toBe(Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" })));
    expect(await app.stop()).toBe(0);
  });

  it("explains, and starts nothing, when the postgres user cannot reach the data folder", async () => {
    const closed = newDataDir();
    fs.chmodSync(closed, 0o700);
    const app = launchApp({ DATA_DIR: path.join(closed, "data") }, await freeLoopbackPort());
    expect(await app.exited).toBe(1);
    expect(app.lines.join("\n")).toContain(`may not pass through ${closed}`);
    expect(fs.existsSync(path.join(closed, "data", "pg", "PG_VERSION"))).toBe(false);
  });

  it("also starts as an ordinary user", async () => {
    const nobody = nobodyUser();
    const dataDir = newDataDir(nobody);
    const app = await startApp({ DATA_DIR: dataDir, HOME: dataDir }, nobody);
    expect((await fetch(`${app.url}/exhibitions`)).status).toBe(200);
    expect(fs.statSync(path.join(dataDir, "pg")).uid).toBe(nobody.uid);
    expect(await app.stop()).toBe(0);
  });
});
