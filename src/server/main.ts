import path from "node:path";
import next from "next";
import { migrateDatabase } from "@/db/migrate";
import { DEMO_PASSWORD_RETIRED, retirePublishedDemoPassword } from "@/db/seed/retire-published-demo-password";
import { DEMO_STAFF_CREATED, isCatalogueEmpty, seedDemoMuseum } from "@/db/seed/seed-demo-museum";
import { keepDatabaseClock } from "./clock";
import { config, isConfigError, type Config } from "./config";
import { databaseHandle, openDatabase } from "./database";
import { startBackgroundJobs } from "./jobs";
import { hub } from "./realtime/hub";
import { logger, type Logger } from "./logger";
import { metrics } from "./metrics";
import { resolveAuthSecret } from "./start/auth-secret";
import { ensureBuild, projectRoot } from "./start/build";
import { acquireInstanceLock } from "./start/instance-lock";
import { startDatabase, type DatabaseServer } from "./start/database";
import { routeMethods } from "./start/route-methods";
import { routeNamer } from "./start/route-names";
import { securityHeaders } from "./start/security-headers";
import { directRoutes } from "./start/direct-routes";
import { createWebServer } from "./start/web-server";

const SHUTDOWN_GRACE_MS = 10_000;
const SHUTDOWN_DEADLINE_MS = 30_000;

function loadConfig(): Config {
  try {
    return config();
  } catch (error) {
    if (!isConfigError(error)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}

async function main() {
  const cfg = loadConfig();
  const log = logger();

  await ensureBuild({ log: (message) => log.info(message) });

  const releaseLock = cfg.databaseUrl ? async () => {} : await acquireInstanceLock(cfg.dataDir);
  const database = await startDatabase(cfg, log).catch(async (error: unknown) => {
    await releaseLock();
    throw error;
  });
  const stop = async () => {
    await database.stop().catch((error: unknown) => log.error({ err: error }, "stopping the database failed"));
    await releaseLock();
  };
  try {
    await migrateDatabase(database.url);
    const handle = databaseHandle(openDatabase(database.url));
    const retired = await retirePublishedDemoPassword(handle.db, new Date());
    if (retired) log.warn(retired, DEMO_PASSWORD_RETIRED);
    if (await isCatalogueEmpty(handle.db)) {
      const { demoStaff, ...seeded } = await seedDemoMuseum(handle.db, { now: new Date(), timeZone: cfg.venueTimeZone, currency: cfg.currency, withDemoStaff: !cfg.production });
      log.info(seeded, "seeded the demo museum into the empty database");
      if (demoStaff) log.warn(demoStaff, DEMO_STAFF_CREATED);
    }
    process.env.AUTH_SECRET = await resolveAuthSecret(cfg);
    await serve(cfg, log, database, stop);
  } catch (error) {
    await stop();
    throw error;
  }
}

async function serve(cfg: Config, log: Logger, database: DatabaseServer, stop: () => Promise<void>) {
  const stopClock = await keepDatabaseClock(databaseHandle().pool, log, (offsetMs) => metrics().databaseClockOffset.set(offsetMs / 1000));
  const app = next({ dev: false, dir: projectRoot, hostname: "localhost", port: cfg.port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = createWebServer({
    handle: (req, res) => handle(req, res),
    direct: await directRoutes(),
    routeOf: routeNamer(path.join(projectRoot, ".next")),
    methodsOf: routeMethods(path.join(projectRoot, "src", "app")),
    log,
    metrics: metrics(),
    trustedProxies: cfg.trustedProxies,
    headers: securityHeaders(cfg),
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) =>
      reject(error.code === "EADDRINUSE" ? new Error(`Port ${cfg.port} is already in use: stop the other server or set PORT.`) : error),
    );
    server.listen(cfg.port, cfg.host, resolve);
  });

  const stopJobs = startBackgroundJobs(databaseHandle(), log, metrics());
  log.info({ port: cfg.port, database: database.embedded ? "embedded" : "DATABASE_URL" }, `Serving on http://localhost:${cfg.port}`);

  let stopping = false;
  const shutdown = async (signal: NodeJS.Signals) => {
    // npm and the terminal both deliver Ctrl-C, so repeats are expected: the deadline bounds a stuck stop instead.
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "shutting down");
    setTimeout(() => {
      log.error("shutdown took too long: exiting without a clean stop");
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS).unref();
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    await hub().stop();
    server.closeIdleConnections();
    const force = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS);
    await closed;
    clearTimeout(force);
    await stopJobs();
    stopClock();
    await databaseHandle().close();
    await stop();
    log.info("stopped");
    process.exit(0);
  };
  process.on("SIGINT", (signal) => void shutdown(signal));
  process.on("SIGTERM", (signal) => void shutdown(signal));
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  logger().fatal({ err: error }, message);
  process.stderr.write(`Could not start: ${message}\n`);
  process.exit(1);
});
