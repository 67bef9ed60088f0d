import { describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { connectDatabase } from "@/db/client";
import { databaseForThisFile } from "../support/database";

const db = databaseForThisFile();

describe("a pool whose connections are cut by the server", () => {
  it("fails the transaction that was using one, keeps the process alive, and serves again on new connections", async () => {
    const handle = connectDatabase(db.current.url, { onError: () => undefined });
    try {
      const failed = await handle.db
        .transaction(async (tx) => {
          const { rows } = await tx.execute<{ pid: number }>(sql`SELECT pg_backend_pid() AS pid`);
          await db.current.pool.query("SELECT pg_terminate_backend($1)", [rows[0]!.pid]);
          // The connection is lent to this transaction, between two statements, when the server ends it.
          await new Promise((resolve) => setTimeout(resolve, 300));
          await tx.execute(sql`SELECT 1`);
        })
        .then(() => false, () => true);
      expect(failed).toBe(true);
      const { rows } = await handle.pool.query<{ answer: number }>("SELECT 1 AS answer");
      expect(rows).toEqual([{ answer: 1 }]);
    } finally {
      await handle.close();
    }
  });
});
