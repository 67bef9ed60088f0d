import { migrateDatabase } from "@/db/migrate";
import { DEMO_STAFF_CREATED, seedDemoMuseum } from "@/db/seed/seed-demo-museum";
import { config } from "@/server/config";
import { databaseHandle, openDatabase } from "@/server/database";
import { logger } from "@/server/logger";
import { startDatabase } from "@/server/start/database";

// Re-seeds the demo museum: safe while the app runs (it uses the running embedded database and deletes nothing).
const cfg = config();
const log = logger();
const database = await startDatabase(cfg, log);
try {
  await migrateDatabase(database.url);
  const handle = databaseHandle(openDatabase(database.url));
  const { demoStaff, ...result } = await seedDemoMuseum(handle.db, { now: new Date(), timeZone: cfg.venueTimeZone, currency: cfg.currency, withDemoStaff: !cfg.production });
  log.info(result, "demo museum seeded");
  if (demoStaff) log.warn(demoStaff, DEMO_STAFF_CREATED);
  await handle.close();
} finally {
  if (!database.wasRunning) await database.stop();
}
