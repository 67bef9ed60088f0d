import { fileURLToPath } from "node:url";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";

export const migrationsFolder = fileURLToPath(new URL("./migrations", import.meta.url));

// Any constant will do; it only has to be the same for every process migrating this database.
const MIGRATION_LOCK = 7_406_112;

export class MigrationError extends Error {
  override name = "MigrationError";
}

/** Applies the committed migrations; processes starting together take turns on an advisory lock. */
export async function migrateDatabase(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
    await migrate(drizzle(client), { migrationsFolder });
  } catch (error) {
    const cause = error as Error & { cause?: Error };
    const reason = cause.cause?.message ?? cause.message;
    throw new MigrationError(`The database could not be migrated, so the app will not serve on it: ${reason}`);
  } finally {
    await client.end().catch(() => undefined);
  }
}
