import { sql, type SQL } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { bookableShow, t0, testCtx } from "../../../tests/support/cart-fixtures";
import { databaseForThisFile } from "../../../tests/support/database";
import { placeOrder } from "../../../tests/support/slot-fixtures";
import { staffCtx, staffMember } from "../../../tests/support/staff-fixtures";
import { salesReport } from "./sales-report";

const db = databaseForThisFile();

/** The statements a report runs, caught on their way to the database. */
async function statementsOf(run: (db: Database) => Promise<unknown>): Promise<SQL[]> {
  const caught: SQL[] = [];
  await run({ execute: async (statement: SQL) => (caught.push(statement), { rows: [] }) } as unknown as Database);
  return caught;
}

describe("report statements on a year of orders", () => {
  it("find a month's sales and refunds by an index on the day they happened, not by reading every order and ticket of the year", async () => {
    const show = await bookableShow(db.current.db, t0);
    await placeOrder(testCtx(db.current.db, { now: t0 }), [{ slotId: show.slot.id, ticketTypeId: show.adult.id, quantity: 2 }]);
    const staff = await staffMember(db.current.db, "staff");
    const statements = await statementsOf((fake) => salesReport({ ctx: staffCtx(fake, { now: t0 }, staff), input: { by: "day" } }));
    expect(statements).toHaveLength(2);
    for (const statement of statements) {
      // With sequential scans priced out, the range of days must be an index's condition, not a filter on every row.
      const plan = await db.current.db.transaction(async (tx) => {
        await tx.execute(sql`SET LOCAL enable_seqscan = off`);
        return (await tx.execute<{ "QUERY PLAN": string }>(sql`EXPLAIN ${statement}`)).rows.map((row) => row["QUERY PLAN"]).join("\n");
      });
      expect(plan).toMatch(/Index Cond: \(\((paid_at|voided_at) >= /);
    }
  });
});
