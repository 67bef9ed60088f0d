import pg from "pg";
import { runningEmbeddedPostgres, startEmbeddedPostgres } from "@/db/embedded/embedded-postgres";
import type { Config } from "../config";
import type { Logger } from "../logger";
import { acquireInstanceLock, lockHolder } from "./instance-lock";

export type DatabaseServer = { url: string; embedded: boolean; wasRunning: boolean; stop: () => Promise<void> };

/**
 * DATABASE_URL when set (its restarts are survived: the pool, the live-update listener and the jobs'
 * leader connect again); otherwise the embedded PostgreSQL under DATA_DIR, started (or found running)
 * here and started again should it die while the app runs.
 */
export async function startDatabase(config: Config, log: Logger): Promise<DatabaseServer> {
  if (config.databaseUrl) return { url: config.databaseUrl, embedded: false, wasRunning: true, stop: async () => {} };
  const server = await startEmbeddedPostgres({ dataDir: config.dataDir, log: (message) => log.info(message), keepRunning: true });
  return { ...server, embedded: true };
}

// How long a command waits for the database of an app that is still starting.
const APP_DATABASE_WAIT_MS = 60_000;

/**
 * The database for a command (user:create, seed) run beside the app. With DATABASE_URL, that. With
 * the embedded database and the app running on this DATA_DIR, the app's database as it runs: the
 * command never starts, stops or takes over what the app owns. With no app running, the command
 * holds the app's instance lock (an app started meanwhile waits for it rather than sharing a
 * database the command will stop), starts the embedded database and stops it again at the end.
 */
export async function databaseForCommand(config: Config, say: (message: string) => void): Promise<DatabaseServer> {
  if (config.databaseUrl) return { url: config.databaseUrl, embedded: false, wasRunning: true, stop: async () => {} };
  const holder = await lockHolder(config.dataDir);
  if (holder?.kind === "command") throw new Error(`Another command (pid ${holder.pid}) is using ${config.dataDir}; try again when it has finished.`);
  if (holder) return { url: await appDatabase(config.dataDir, holder.pid, say), embedded: true, wasRunning: true, stop: async () => {} };

  const release = await acquireInstanceLock(config.dataDir);
  try {
    const server = await startEmbeddedPostgres({ dataDir: config.dataDir, log: say });
    return { ...server, embedded: true, stop: () => server.stop().finally(release) };
  } catch (error) {
    await release();
    throw error;
  }
}

async function appDatabase(dataDir: string, pid: number, say: (message: string) => void): Promise<string> {
  const deadline = Date.now() + APP_DATABASE_WAIT_MS;
  for (;;) {
    const url = await runningEmbeddedPostgres(dataDir).catch(() => undefined);
    if (url && (await accepts(url))) {
      say(`Using the database of the app running on ${dataDir} (pid ${pid}), on 127.0.0.1:${new URL(url).port}`);
      return url;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `The app (pid ${pid}) runs on ${dataDir} but its database cannot be reached from here: run this command as the user that runs the app, or wait until it has started.`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** Whether the database takes connections yet (an app that is starting may not have made it). */
async function accepts(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  client.on("error", () => undefined);
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}
