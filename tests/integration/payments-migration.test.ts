import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { expect, it } from "vitest";
import { migrationsFolder } from "@/db/migrate";
import { createBareDatabase } from "../support/database";

const PAYMENTS_MIGRATION = "0005_payments_refunds_dead_jobs.sql";
const statements = (file: string) => fs.readFileSync(path.join(migrationsFolder, file), "utf8").split("--> statement-breakpoint").map((statement) => statement.trim()).filter(Boolean);

it("migration 0005 turns the payments orders recorded into payments, keeps their refund jobs, and refunds the wrong amounts the old code kept", async () => {
  const bare = await createBareDatabase();
  const client = new pg.Client({ connectionString: bare.url });
  await client.connect();
  try {
    for (const file of fs.readdirSync(migrationsFolder).filter((name) => name.endsWith(".sql") && name < PAYMENTS_MIGRATION).sort()) {
      for (const statement of statements(file)) await client.query(statement);
    }
    const order = async (number: string, status: string, paymentRef: string | null) =>
      (await client.query<{ id: string }>(
        `INSERT INTO orders (number, status, name, email, total_minor, currency, provider, payment_ref, expires_at, refunded_at)
         VALUES ($1, $2::order_status, 'Asha', 'asha@example.org', 50000, 'INR', 'stripe', $3, now(), CASE WHEN $2::text = 'refunded' THEN now() END) RETURNING id`,
        [number, status, paymentRef],
      )).rows[0]!.id;
    const paid = await order("1001", "paid", "pi_paid");
    const refunded = await order("1002", "refunded", "pi_refunded");
    const refunding = await order("1003", "refunded", "pi_refunding");
    await order("1004", "pending_payment", "pi_wrong_amount");
    await order("1005", "pending_payment", null);
    await client.query(
      `INSERT INTO outbox (kind, order_id, done_at) VALUES ('confirmation', $1, now()), ('refund', $2, now()), ('refund_notice', $2, now()), ('refund', $3, NULL)`,
      [paid, refunded, refunding],
    );

    for (const statement of statements(PAYMENTS_MIGRATION)) await client.query(statement);

    const payments = await client.query(`SELECT provider_payment_id AS ref, status, refund_reason AS reason, amount_minor AS amount FROM payments ORDER BY provider_payment_id`);
    expect(payments.rows).toEqual([
      { ref: "pi_paid", status: "applied", reason: null, amount: 50_000 },
      { ref: "pi_refunded", status: "refunded", reason: "late_no_room", amount: 50_000 },
      { ref: "pi_refunding", status: "refunding", reason: "late_no_room", amount: 50_000 },
      { ref: "pi_wrong_amount", status: "refunding", reason: "amount_mismatch", amount: null },
    ]);
    const jobs = await client.query(`SELECT o.kind, p.provider_payment_id AS ref, o.done_at IS NOT NULL AS done FROM outbox o LEFT JOIN payments p ON p.id = o.payment_id ORDER BY o.kind, p.provider_payment_id`);
    expect(jobs.rows).toEqual([
      { kind: "confirmation", ref: null, done: true },
      { kind: "refund", ref: "pi_refunded", done: true },
      { kind: "refund", ref: "pi_refunding", done: false },
      { kind: "refund", ref: "pi_wrong_amount", done: false },
      { kind: "refund_notice", ref: "pi_refunded", done: true },
    ]);
  } finally {
    await client.end();
    await bare.drop();
  }
});
