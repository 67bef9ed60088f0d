import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { startApp, type AppProcess } from "../support/app-process";
import { nobody as nobodyUser, tempDataDirs, type Owner } from "../support/data-dirs";
import { httpClient } from "../support/http-client";

// `npm run user:create` makes the first admin, and works while the app runs on its embedded
// database (it uses the app's) as well as with the app stopped (it runs the database itself).
const root = path.resolve(import.meta.dirname, "../..");
const newDataDir = tempDataDirs("museum-user-create-");

function userCreate(dataDir: string, args: string[], owner?: Owner): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn("npm", ["run", "--silent", "user:create", "--", ...args], {
    cwd: root,
    env: { PATH: process.env.PATH ?? "", HOME: owner ? dataDir : (process.env.HOME ?? "/tmp"), DATA_DIR: dataDir, NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "pipe"],
    ...owner,
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
  return new Promise((resolve) => child.on("close", (code) => resolve({ code, stdout, stderr: stderr.replace(/^npm warn .*\n/gm, "") })));
}

const passwordIn = (stdout: string) => / with password (\S+) /.exec(stdout)?.[1];

async function signedInRole(app: AppProcess, email: string, password: string) {
  const client = httpClient(app.url);
  const answer = await client.post("/api/auth/sign-in/email", { email, password });
  expect(answer.status, answer.text).toBe(200);
  return (await client.get("/api/me")).body.user.role as string;
}

const postgresRunning = (dataDir: string) => fs.existsSync(path.join(dataDir, "pg", "postmaster.pid"));
const clusterOwner = (dataDir: string) => fs.statSync(path.join(dataDir, "pg")).uid;

describe("npm run user:create on the embedded database", () => {
  const dataDir = newDataDir();

  it("with no app ever started, makes the database and the first admin, stops what it started, and the app then signs them in", async () => {
    const made = await userCreate(dataDir, ["--email", "First@Museum.example", "--role", "admin", "--name", "First Admin"]);
    expect(made.code, made.stderr).toBe(0);
    expect(made.stdout).toMatch(/^Created admin first@museum\.example with password \S{16} \(shown once[^\n]*\)\n$/);
    expect(made.stderr).toContain("Embedded PostgreSQL stopped");
    expect(postgresRunning(dataDir)).toBe(false);
    expect(fs.existsSync(path.join(dataDir, "server.pid"))).toBe(false);

    const app = await startApp({ DATA_DIR: dataDir });
    expect(await signedInRole(app, "first@museum.example", passwordIn(made.stdout)!)).toBe("admin");
    expect(await app.stop()).toBe(0);
  });

  it("while the app runs, uses the app's database (starting and stopping nothing), and the running app signs the new accounts in", async () => {
    const app = await startApp({ DATA_DIR: dataDir });
    const admin = await userCreate(dataDir, ["--email", "second@museum.example", "--role", "admin"]);
    expect(admin.code, admin.stderr).toBe(0);
    expect(admin.stderr).toContain("Using the database of the app running on");
    expect(admin.stderr).not.toMatch(/listening|stopped/);
    expect(await signedInRole(app, "second@museum.example", passwordIn(admin.stdout)!)).toBe("admin");

    const door = await userCreate(dataDir, ["--email", "door@museum.example", "--role", "door", "--password", "a long enough password"]);
    expect(door.code, door.stderr).toBe(0);
    expect(door.stdout).toBe("Created door door@museum.example\n");
    expect(await signedInRole(app, "door@museum.example", "a long enough password")).toBe("door");

    // An existing account is given the role; its password stays.
    const again = await userCreate(dataDir, ["--email", "door@museum.example", "--role", "staff", "--password", "another password entirely"]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toBe("door@museum.example already had an account; its role is now staff. Its password is unchanged.\n");
    expect(await signedInRole(app, "door@museum.example", "a long enough password")).toBe("staff");

    expect((await fetch(`${app.url}/api/health`)).status).toBe(200);
    expect(await app.stop()).toBe(0);
    // The app, which started the database, stopped it: the command left nothing running.
    expect(postgresRunning(dataDir)).toBe(false);
  });

  it("explains a mistake in the arguments on stderr with exit code 2, touching nothing", async () => {
    const empty = newDataDir();
    for (const args of [["--email", "nobody", "--role", "admin"], ["--email", "a@b.org", "--role", "boss"], ["--email", "a@b.org"], ["--bogus"]]) {
      const answer = await userCreate(empty, args);
      expect(answer.code).toBe(2);
      expect(answer.stdout).toBe("");
      expect(answer.stderr).toMatch(/^user:create: [\s\S]*\nusage: npm run user:create -- --email EMAIL --role visitor\|door\|staff\|admin/);
    }
    expect(fs.readdirSync(empty)).toEqual([]);
  });
});

describe.runIf(process.getuid?.() === 0)("npm run user:create started by root, and by an ordinary user", () => {
  const nobody = nobodyUser();

  it("as root beside root's app: PostgreSQL runs as the postgres user, and the command works with the app running", async () => {
    const dataDir = newDataDir();
    const app = await startApp({ DATA_DIR: dataDir });
    const made = await userCreate(dataDir, ["--email", "root-admin@museum.example", "--role", "admin"]);
    expect(made.code, made.stderr).toBe(0);
    expect(await signedInRole(app, "root-admin@museum.example", passwordIn(made.stdout)!)).toBe("admin");
    expect(clusterOwner(dataDir)).toBe(Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" })));
    expect(await app.stop()).toBe(0);
  });

  it("as an ordinary user beside their own app, and as root on that user's app, running or not, never taking their database over", async () => {
    const dataDir = newDataDir(nobody);
    const env = { DATA_DIR: dataDir, HOME: dataDir };
    const first = await userCreate(dataDir, ["--email", "own@museum.example", "--role", "admin"], nobody);
    expect(first.code, first.stderr).toBe(0);
    expect(clusterOwner(dataDir)).toBe(nobody.uid);

    const app = await startApp(env, nobody);
    const beside = await userCreate(dataDir, ["--email", "beside@museum.example", "--role", "door"], nobody);
    expect(beside.code, beside.stderr).toBe(0);
    expect(await signedInRole(app, "beside@museum.example", passwordIn(beside.stdout)!)).toBe("door");
    const byRoot = await userCreate(dataDir, ["--email", "by-root@museum.example", "--role", "staff"]);
    expect(byRoot.code, byRoot.stderr).toBe(0);
    expect(await signedInRole(app, "by-root@museum.example", passwordIn(byRoot.stdout)!)).toBe("staff");
    expect(await app.stop()).toBe(0);

    const stopped = await userCreate(dataDir, ["--email", "while-stopped@museum.example", "--role", "admin"]);
    expect(stopped.code, stopped.stderr).toBe(0);
    expect(clusterOwner(dataDir)).toBe(nobody.uid);

    const again = await startApp(env, nobody);
    expect(await signedInRole(again, "own@museum.example", passwordIn(first.stdout)!)).toBe("admin");
    expect(await signedInRole(again, "while-stopped@museum.example", passwordIn(stopped.stdout)!)).toBe("admin");
    expect(await again.stop()).toBe(0);
  });
});
