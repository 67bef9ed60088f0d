import { connectDatabase, type Database, type DatabaseHandle } from "@/db/client";
import { config } from "./config";
import { logger } from "./logger";
import { processSingleton } from "./shared";

export function openDatabase(url: string): DatabaseHandle {
  return connectDatabase(url, { onError: (error) => logger().warn({ err: error }, "idle database connection lost") });
}

/** The process's pool; the server start registers it (embedded or DATABASE_URL) before serving. */
export function databaseHandle(handle?: DatabaseHandle): DatabaseHandle {
  return processSingleton("database", () => {
    if (handle) return handle;
    const url = config().databaseUrl;
    if (!url) throw new Error("No database: start the app with npm start, which provides one.");
    return openDatabase(url);
  });
}

export function db(): Database {
  return databaseHandle().db;
}
