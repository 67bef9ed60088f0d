import { startEmbeddedPostgres } from "@/db/embedded/embedded-postgres";
import type { Config } from "../config";
import type { Logger } from "../logger";

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
