import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, inject } from "vitest";
import { connectDatabase, type DatabaseHandle } from "@/db/client";
import { TEMPLATE_DATABASE } from "./global-setup";

export type TestDatabase = DatabaseHandle & { url: string; name: string; drop: () => Promise<void> };

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: inject("adminDatabaseUrl") });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export function databaseUrl(name: string): string {
  const url = new URL(inject("adminDatabaseUrl"));
  url.pathname = `/${name}`;
  return url.toString();
}

/** A new, migrated, empty database of its own, cloned from the template. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `museum_test_${randomBytes(6).toString("hex")}`;
  await admin((client) => client.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DATABASE}`));
  const url = databaseUrl(name);
  const handle = connectDatabase(url);
  return {
    ...handle,
    url,
    name,
    drop: async () => {
      await handle.close();
      await admin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

/** An empty database with no migrations applied, for start-up tests. */
export async function createBareDatabase(): Promise<{ url: string; name: string; drop: () => Promise<void> }> {
  const name = `museum_bare_${randomBytes(6).toString("hex")}`;
  await admin((client) => client.query(`CREATE DATABASE ${name}`));
  return { url: databaseUrl(name), name, drop: () => admin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined) };
}

export function adminQuery(text: string) {
  return admin((client) => client.query(text));
}

/** A database of the test file's own for its whole run: call at the top of the file, read `.current` in tests. */
export function databaseForThisFile(): { readonly current: TestDatabase } {
  const holder = {} as { current: TestDatabase };
  beforeAll(async () => {
    holder.current = await createTestDatabase();
  });
  afterAll(() => holder.current?.drop());
  return holder;
}
