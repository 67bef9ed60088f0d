import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import pg from "pg";
import * as schema from "./schema";

export type Database = NodePgDatabase<typeof schema>;
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
export type Executor = Database | Transaction;

export type DatabaseHandle = { db: Database; pool: pg.Pool; close: () => Promise<void> };

export function connectDatabase(url: string, options: { max?: number; onError?: (error: Error) => void } = {}): DatabaseHandle {
  // lock_timeout (DESIGN.md invariant 6): no request waits on a lock for more than 3 s.
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 20, connectionTimeoutMillis: 5_000, options: "-c lock_timeout=3s" });
  // An idle client losing its server (restart, failover) must not take the process down with it.
  pool.on("error", (error) => options.onError?.(error));
  // A client lent out (in a transaction) when its server goes away emits 'error' with none of the
  // pool's listeners on it, which would end the process. Its query fails anyway, and the pool drops it
  // when it comes back.
  pool.on("connect", (client) => client.on("error", () => undefined));
  const db = drizzle(pool, { schema });
  return { db, pool, close: () => pool.end() };
}
