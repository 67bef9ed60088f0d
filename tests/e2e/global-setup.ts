import fs from "node:fs/promises";
import path from "node:path";
import { startEmbeddedPostgres } from "@/db/embedded/embedded-postgres";
import { launchApp } from "../support/app-process";
import { E2E_PORT } from "../../playwright.config";

/** A fresh database and the production server on it; the tests reach the database through E2E_DATABASE_URL. */
export default async function globalSetup() {
  const dataDir = path.resolve(".tmp", "e2e");
  await fs.rm(dataDir, { recursive: true, force: true });
  const database = await startEmbeddedPostgres({ dataDir, log: () => {} });
  const app = launchApp({ DATABASE_URL: database.url, DATA_DIR: dataDir }, E2E_PORT);
  try {
    await app.waitForLine((line) => line.includes("Serving on http://"));
  } catch (error) {
    await app.stop();
    await database.stop();
    throw error;
  }
  process.env.E2E_DATABASE_URL = database.url;

  return async () => {
    await app.stop();
    await database.stop();
  };
}
