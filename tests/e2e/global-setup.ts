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
  // Every visitor of every spec, on the phone and the desktop, books from this one address: the
  // per-address cap on live places (decision 12, tested in tests/server/) would refuse the later specs.
  const app = launchApp({ DATABASE_URL: database.url, DATA_DIR: dataDir, MAX_HELD_PLACES_PER_ADDRESS: "5000", MAX_HELD_PLACES_PER_ADDRESS_SIGNED_IN: "5000" }, E2E_PORT);
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
