import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { postgresBinaries } from "./binaries";
import { freeLoopbackPort } from "./free-port";
import { postgresRunAs, type RunAs } from "./system-user";

const run = promisify(execFile);

export type EmbeddedPostgres = { url: string; wasRunning: boolean; stop: () => Promise<void> };

type Log = (message: string) => void;

const DATABASE = "museum";
const SUPERUSER = "postgres";

// Appended to postgresql.conf once, at initdb: loopback only, no Unix socket to collide or lack a folder.
const SERVER_SETTINGS = `
listen_addresses = '127.0.0.1'
unix_socket_directories = ''
max_connections = 200
`;

async function exists(file: string) {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}

// How often a kept server is looked for, and so roughly how soon one that died is started again.
const WATCH_EVERY_MS = 1_000;

/**
 * Starts (initialising on first use) a PostgreSQL cluster under `dataDir/pg` on a loopback port
 * (`port`, or a free one), through pg_ctl so the server runs in its own session and survives nothing
 * but us. With `keepRunning`, a server that dies under us (its postmaster killed) is started again
 * on the same port, so the connections of whoever uses it come back by themselves.
 */
export async function startEmbeddedPostgres(options: { dataDir: string; log: Log; port?: number; keepRunning?: boolean }): Promise<EmbeddedPostgres> {
  const { dataDir, log } = options;
  const binaries = await postgresBinaries();
  const clusterDir = path.join(dataDir, "pg");
  const runAs = await clusterRunAs(clusterDir);
  const credentialsFile = path.join(dataDir, "pg-credentials.json");

  const asPostgres = (file: string, args: string[]) =>
    run(file, args, { ...(runAs && { uid: runAs.uid, gid: runAs.gid }), env: { ...process.env, LC_ALL: "C" } }).catch((error: Error & { stderr?: string }) => {
      throw new Error(`${path.basename(file)} failed: ${(error.stderr || error.message).trim()}`);
    });

  await fs.mkdir(dataDir, { recursive: true });
  if (runAs) await checkReachable(binaries.pg_ctl, clusterDir, runAs, asPostgres);

  if (!(await exists(path.join(clusterDir, "PG_VERSION")))) {
    log(`Creating the embedded PostgreSQL cluster in ${clusterDir}`);
    await initialise({ clusterDir, dataDir, credentialsFile, runAs, initdb: binaries.initdb, asPostgres });
  }
  const { password } = JSON.parse(await fs.readFile(credentialsFile, "utf8")) as { password: string };

  // A server left running (by a killed app, or by the app while a CLI runs) owns the folder: use it.
  const running = await asPostgres(binaries.pg_ctl, ["status", "-D", clusterDir]).then(
    () => true,
    () => false,
  );
  let port: number;
  if (running) {
    port = await runningPort(clusterDir);
    log(`Using the embedded PostgreSQL already running on 127.0.0.1:${port}`);
  } else {
    port = options.port ?? (await freeLoopbackPort());
    await startOn(port);
    log(`Embedded PostgreSQL listening on 127.0.0.1:${port}`);
  }

  const base = `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}`;
  await ensureDatabase(`${base}/postgres`);

  const watching = options.keepRunning ? keepRunning({ clusterDir, log, start: () => startOn(port) }) : undefined;
  let stopped = false;
  return {
    url: `${base}/${DATABASE}`,
    wasRunning: running,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await watching?.stop();
      await asPostgres(binaries.pg_ctl, ["stop", "-D", clusterDir, "-m", "fast", "-w", "-t", "60"]);
      log("Embedded PostgreSQL stopped");
    },
  };

  async function startOn(port: number) {
    await asPostgres(binaries.pg_ctl, ["start", "-D", clusterDir, "-w", "-t", "60", "-l", path.join(clusterDir, "server.log"), "-o", `-p ${port}`]);
  }
}

/**
 * Who runs PostgreSQL: ourselves, or, started as root, the owner of a cluster an ordinary user's app
 * made (root may act as them; taking their cluster over would lock them out of it), else `postgres`.
 */
async function clusterRunAs(clusterDir: string): Promise<RunAs | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  const made = await fs.stat(path.join(clusterDir, "PG_VERSION")).catch(() => undefined);
  if (made && made.uid !== 0) return { uid: made.uid, gid: made.gid, name: `uid ${made.uid}` };
  return postgresRunAs();
}

/**
 * The embedded PostgreSQL another process (the app) runs on `dataDir`, as a URL, read from the files it
 * keeps there; undefined while none runs. Nothing is started or stopped.
 */
export async function runningEmbeddedPostgres(dataDir: string): Promise<string | undefined> {
  const clusterDir = path.join(dataDir, "pg");
  if (!alive(await postmasterPid(clusterDir))) return undefined;
  const port = await runningPort(clusterDir);
  const { password } = JSON.parse(await fs.readFile(path.join(dataDir, "pg-credentials.json"), "utf8")) as { password: string };
  return `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${DATABASE}`;
}

/** The postmaster's process id: line 1 of postmaster.pid, which is left behind when it is killed. */
async function postmasterPid(clusterDir: string): Promise<number | undefined> {
  const pid = Number((await fs.readFile(path.join(clusterDir, "postmaster.pid"), "utf8").catch(() => "")).split("\n")[0]);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

function alive(pid: number | undefined) {
  if (pid === undefined) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Looks for the postmaster every second and starts the server again when it is gone. Right after a
 * kill its children may still hold the shared memory for a moment; the start is then refused and
 * simply tried again at the next look.
 */
function keepRunning(options: { clusterDir: string; log: Log; start: () => Promise<void> }) {
  const { clusterDir, log, start } = options;
  let pid: Promise<number | undefined> = postmasterPid(clusterDir);
  let lastFailure = "";
  let looking: Promise<void> | undefined;
  const look = async () => {
    if (alive(await pid)) return;
    if (!lastFailure) log("The embedded PostgreSQL is gone (its postmaster died); starting it again");
    try {
      await start();
      pid = postmasterPid(clusterDir);
      lastFailure = "";
      log("The embedded PostgreSQL is running again");
    } catch (error) {
      const failure = (error as Error).message;
      if (failure !== lastFailure) log(`The embedded PostgreSQL could not be started again yet: ${failure}`);
      lastFailure = failure;
    }
  };
  const timer = setInterval(() => {
    looking ??= look().finally(() => {
      looking = undefined;
    });
  }, WATCH_EVERY_MS);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await looking;
    },
  };
}

/** The port a running cluster listens on: line 4 of its postmaster.pid. */
async function runningPort(clusterDir: string): Promise<number> {
  const lines = (await fs.readFile(path.join(clusterDir, "postmaster.pid"), "utf8")).split("\n");
  const port = Number(lines[3]);
  if (!Number.isInteger(port) || port <= 0) throw new Error(`Cannot read the port of the PostgreSQL running in ${clusterDir}.`);
  return port;
}

/** Whether `runAs` may pass through `dir` (the search bit for its uid, gid or others). */
async function canSearch(dir: string, runAs: RunAs) {
  const stat = await fs.stat(dir);
  if (stat.uid === runAs.uid) return (stat.mode & 0o100) !== 0;
  if (stat.gid === runAs.gid) return (stat.mode & 0o010) !== 0;
  return (stat.mode & 0o001) !== 0;
}

async function checkReachable(pgCtl: string, clusterDir: string, runAs: RunAs, asPostgres: (file: string, args: string[]) => Promise<unknown>) {
  // The data folder is ours: let the postgres user pass through it (search only, not list).
  const dataDir = path.dirname(clusterDir);
  if (!(await canSearch(dataDir, runAs))) await fs.chmod(dataDir, ((await fs.stat(dataDir)).mode & 0o7777) | 0o001);
  for (let dir = path.dirname(dataDir); ; dir = path.dirname(dir)) {
    if (!(await canSearch(dir, runAs))) {
      throw new Error(
        `Running as root, PostgreSQL runs as the '${runAs.name}' user, which cannot reach ${clusterDir} because it may not pass through ${dir}. ` +
          `Allow it (chmod o+x ${dir}), set DATA_DIR to a folder it can reach, start as an ordinary user, or set DATABASE_URL.`,
      );
    }
    if (dir === path.dirname(dir)) break;
  }
  try {
    await asPostgres(pgCtl, ["--version"]);
  } catch {
    throw new Error(
      `Running as root, PostgreSQL runs as the '${runAs.name}' user, which cannot execute ${pgCtl}. ` +
        "Make the project folder readable by that user, or start as an ordinary user, or set DATABASE_URL.",
    );
  }
  await fs.mkdir(clusterDir, { recursive: true, mode: 0o700 });
  await fs.chown(clusterDir, runAs.uid, runAs.gid);
}

async function initialise(options: {
  clusterDir: string;
  dataDir: string;
  credentialsFile: string;
  runAs: RunAs | undefined;
  initdb: string;
  asPostgres: (file: string, args: string[]) => Promise<unknown>;
}) {
  const { clusterDir, dataDir, credentialsFile, runAs, initdb, asPostgres } = options;
  // A cluster folder without PG_VERSION is what an interrupted initdb leaves: nothing in it to keep.
  const leftovers = await fs.readdir(clusterDir).catch(() => []);
  if (leftovers.length > 0) {
    await fs.rm(clusterDir, { recursive: true, force: true });
    if (runAs) {
      await fs.mkdir(clusterDir, { mode: 0o700 });
      await fs.chown(clusterDir, runAs.uid, runAs.gid);
    }
  }

  const password = randomBytes(24).toString("base64url");
  await fs.writeFile(credentialsFile, JSON.stringify({ user: SUPERUSER, password }), { mode: 0o600 });
  const passwordFile = path.join(dataDir, `.pg-password-${randomBytes(6).toString("hex")}`);
  await fs.writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
  if (runAs) await fs.chown(passwordFile, runAs.uid, runAs.gid);
  try {
    await asPostgres(initdb, [
      "-D", clusterDir,
      "-U", SUPERUSER,
      `--pwfile=${passwordFile}`,
      "--auth=scram-sha-256",
      "--encoding=UTF8",
      "--no-locale",
      "--no-instructions",
    ]);
  } finally {
    await fs.rm(passwordFile, { force: true });
  }
  await fs.appendFile(path.join(clusterDir, "postgresql.conf"), SERVER_SETTINGS);
}

async function ensureDatabase(adminUrl: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [DATABASE]);
    if (!rowCount) await client.query(`CREATE DATABASE ${DATABASE}`);
  } finally {
    await client.end();
  }
}
