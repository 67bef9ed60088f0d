import fs from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "@/db/embedded/embedded-postgres";
import { migrateDatabase } from "@/db/migrate";

export const TEMPLATE_DATABASE = "museum_test_template";

declare module "vitest" {
  export interface ProvidedContext {
    adminDatabaseUrl: string;
  }
}

/**
 * One real PostgreSQL for the whole run: TEST_DATABASE_URL when set (any PostgreSQL 14+ where the
 * user may create databases), otherwise an embedded one in a fresh folder. A migrated template
 * database is made once; every test file clones it (tests/support/database.ts).
 */
export default async function setup(project: TestProject) {
  let adminUrl = process.env.TEST_DATABASE_URL;
  let stop = async () => {};
  if (!adminUrl) {
    const dataDir = path.resolve(".tmp", `vitest-pg-${process.pid}`);
    await fs.rm(dataDir, { recursive: true, force: true });
    const server = await startEmbeddedPostgres({ dataDir, log: () => {} });
    adminUrl = server.url;
    stop = async () => {
      await server.stop();
      await fs.rm(dataDir, { recursive: true, force: true });
    };
  }

  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
  await admin.end();
  const templateUrl = new URL(adminUrl);
  templateUrl.pathname = `/${TEMPLATE_DATABASE}`;
  await migrateDatabase(templateUrl.toString());

  project.provide("adminDatabaseUrl", adminUrl);
  return stop;
}
