import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { connectDatabase } from "@/db/client";
import { pgCode, withTransaction, type Ctx } from "@/domain/context";
import { isDomainError } from "@/domain/errors";
import { databaseForThisFile } from "../support/database";

const db = databaseForThisFile();

/** What withTransaction threw, as the storm test reads it: busy, and the PostgreSQL code behind it. */
async function busyCause(work: Promise<unknown>): Promise<string | undefined> {
  const error = await work.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!isDomainError(error) || error.code !== "busy") return undefined;
  return pgCode(error.cause);
}

describe("a transaction that cannot have its locks is busy, and says why", () => {
  it("tells a deadlock (40P01) from a lock wait past lock_timeout (55P03)", async () => {
    const pool = connectDatabase(db.current.url, { max: 4 });
    const ctx = { db: pool.db, actor: { kind: "anonymous" }, now: () => new Date() } as unknown as Ctx;
    await pool.db.execute(sql`CREATE TABLE busy_probe (id int PRIMARY KEY, n int NOT NULL DEFAULT 0)`);
    await pool.db.execute(sql`INSERT INTO busy_probe (id) VALUES (1), (2)`);
    const touch = (tx: Ctx, id: number) => tx.db.execute(sql`UPDATE busy_probe SET n = n + 1 WHERE id = ${id}`);
    const pause = () => new Promise((resolve) => setTimeout(resolve, 300));
    try {
      // Two transactions taking the same two rows in opposite orders.
      const crossed = [1, 2].map((first) =>
        busyCause(
          withTransaction(ctx, async (tx) => {
            await touch(tx, first);
            await pause();
            await touch(tx, 3 - first);
          }),
        ),
      );
      expect((await Promise.all(crossed)).sort()).toEqual(["40P01", undefined].sort());

      // One holds a row for longer than lock_timeout (3 s) while another waits for it.
      let release!: () => void;
      const held = withTransaction(ctx, async (tx) => {
        await touch(tx, 1);
        await new Promise<void>((resolve) => (release = resolve));
      });
      await pause();
      expect(await busyCause(withTransaction(ctx, (tx) => touch(tx, 1)))).toBe("55P03");
      release();
      await held;
    } finally {
      await pool.close();
    }
  });
});
