import { randomBytes } from "node:crypto";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { startApp, type AppProcess } from "./app-process";
import { createTestDatabase, type TestDatabase } from "./database";
import { httpClient } from "./http-client";

export const SERVER_AUTH_SECRET = "server-tests-auth-secret-0123456789abcdef";

export type ProductionServer = { app: AppProcess; database: TestDatabase; dataDir: string; client: () => ReturnType<typeof httpClient> };

/**
 * The app exactly as `npm start` runs it (the production build behind the custom server,
 * NODE_ENV=production, APP_ENV=production), on a database of the test file's own, seeded with the
 * demo museum by the app's own first start. Call at the top of a file; read `.current` in tests.
 */
export function productionServerForThisFile(env: Record<string, string> = {}): { readonly current: ProductionServer } {
  const holder = {} as { current: ProductionServer };
  beforeAll(async () => {
    const database = await createTestDatabase();
    const dataDir = path.resolve(".tmp", `server-${randomBytes(4).toString("hex")}`);
    const app = await startApp({ APP_ENV: "production", ALLOW_TEST_PAYMENTS: "true", AUTH_SECRET: SERVER_AUTH_SECRET, DATABASE_URL: database.url, DATA_DIR: dataDir, ...env });
    holder.current = { app, database, dataDir, client: () => httpClient(app.url) };
  });
  afterAll(async () => {
    await holder.current?.app.stop();
    await holder.current?.database.drop();
  });
  return holder;
}
