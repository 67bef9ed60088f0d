import pg from "pg";
import type { Logger } from "./logger";

// Any constant will do, as long as every process on the database uses it and the migrations use another.
const LEADER_LOCK = 7_406_113;
const CHECK_EVERY_MS = 2_000;
const CONNECTION_TIMEOUT_MS = 5_000;

/**
 * Of all the processes on one database, one runs `start`'s work: the one holding a session-level
 * advisory lock on a connection of its own. The lock lives with that session, so when the leader
 * exits, dies or loses its connection (a restart of the database included), the lock is free and
 * another process takes it within a check or two. The leader checks its connection as often and
 * stops the work when the connection is gone. The work must still be safe to run twice at once: at
 * a hand-over the old leader may be finishing a run while the new one starts.
 */
export function lead(options: {
  connection: pg.ClientConfig;
  log: Logger;
  start: () => () => Promise<void>;
  onChange?: (leading: boolean) => void;
}): { stop: () => Promise<void> } {
  const { connection, log, start, onChange = () => {} } = options;
  let client: pg.Client | undefined;
  let stopWork: (() => Promise<void>) | undefined;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let checking: Promise<void> | undefined;

  // The work stops before the lock goes with the connection, so a clean stop hands over without overlap.
  const resign = async () => {
    const ending = client;
    client = undefined;
    if (stopWork) {
      const stopping = stopWork;
      stopWork = undefined;
      onChange(false);
      if (!stopped) log.warn("lost the lead of the background jobs with the connection that held it");
      await stopping();
    }
    await ending?.end().catch(() => undefined);
  };

  const check = async () => {
    try {
      if (!client) {
        const fresh = new pg.Client({ ...connection, keepAlive: true, connectionTimeoutMillis: CONNECTION_TIMEOUT_MS, query_timeout: CONNECTION_TIMEOUT_MS });
        fresh.on("error", () => {
          if (client === fresh) void resign();
        });
        await fresh.connect().catch((error: unknown) => {
          fresh.end().catch(() => undefined);
          throw error;
        });
        client = fresh;
      }
      if (stopWork) {
        await client.query("SELECT 1");
        return;
      }
      const { rows } = await client.query<{ leading: boolean }>("SELECT pg_try_advisory_lock($1) AS leading", [LEADER_LOCK]);
      if (rows[0]?.leading && !stopped) {
        stopWork = start();
        onChange(true);
        log.info("this process runs the background jobs");
      }
    } catch {
      await resign();
    }
  };

  const loop = async () => {
    await (checking = check());
    if (!stopped) timer = setTimeout(() => void loop(), CHECK_EVERY_MS);
  };
  void loop();

  return {
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await checking;
      await resign();
    },
  };
}
