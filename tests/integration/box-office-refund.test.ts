import fs from "node:fs/promises";
import path from "node:path";
import { Writable } from "node:stream";
import { eq } from "drizzle-orm";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { orders, outbox, payments, refunds } from "@/db/schema";
import { sellAtCounter } from "@/domain/box-office/sell-at-counter";
import { refundTickets } from "@/domain/refunds/refund-tickets";
import { cancelSlot } from "@/domain/slots/cancel-slot";
import { config } from "@/server/config";
import { databaseHandle } from "@/server/database";
import { kickOutbox } from "@/server/outbox/outbox";
import { bookableShow, slotCounts, t0 } from "../support/cart-fixtures";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { staffCtx, staffMember } from "../support/staff-fixtures";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  databaseHandle(database);
});
afterAll(() => database.drop());

const clock = { now: t0 };
const log = () => {
  const lines: { msg: string; [field: string]: unknown }[] = [];
  return { lines, log: pino({ level: "info" }, new Writable({ write: (chunk, _encoding, done) => (lines.push(JSON.parse(String(chunk))), done()) })) };
};

describe("refunding a box-office sale", () => {
  for (const payment of ["cash", "card_terminal", "invoice"] as const) {
    it(`completes for ${payment} without calling any provider: the money goes back at the counter, the payment ends refunded`, async () => {
      const ctx = staffCtx(database.db, clock, await staffMember(database.db, "staff"));
      const show = await bookableShow(database.db, t0);
      const order = await sellAtCounter({ ctx, input: { items: [{ slotId: show.slot.id, ticketTypeId: show.adult.id, quantity: 3 }], payment, name: "Class 4B", email: "teacher@school.example" } });
      const [first, ...rest] = order.tickets.map((ticket) => ticket.id);

      await refundTickets({ ctx, input: { orderId: order.id, ticketIds: [first!], reason: "one child is ill", voidReason: "refunded" } });
      const { lines, log: logger } = log();
      await kickOutbox(database.db, logger);
      expect(lines.filter((line) => Number(line.level) >= 50), JSON.stringify(lines)).toEqual([]);
      expect(await database.db.select({ status: refunds.status, amountMinor: refunds.amountMinor }).from(refunds).where(eq(refunds.orderId, order.id))).toEqual([{ status: "done", amountMinor: 25_000 }]);
      expect((await database.db.select({ status: payments.status }).from(payments).where(eq(payments.orderId, order.id)))[0]!.status).toBe("applied");

      await refundTickets({ ctx, input: { orderId: order.id, ticketIds: rest, reason: "the class cancelled", voidReason: "refunded" } });
      await kickOutbox(database.db, logger);
      expect(lines.filter((line) => Number(line.level) >= 50), JSON.stringify(lines)).toEqual([]);
      const jobs = await database.db.select({ kind: outbox.kind, doneAt: outbox.doneAt, deadAt: outbox.deadAt }).from(outbox).where(eq(outbox.orderId, order.id));
      expect(jobs.map((job) => job.kind).sort()).toEqual(["confirmation", "ticket_refund", "ticket_refund"]);
      expect(jobs.every((job) => job.doneAt && !job.deadAt)).toBe(true);
      expect((await database.db.select({ status: payments.status }).from(payments).where(eq(payments.orderId, order.id)))[0]!.status).toBe("refunded");
      expect((await database.db.select({ status: orders.status }).from(orders).where(eq(orders.id, order.id)))[0]!.status).toBe("refunded");
      expect(await slotCounts(database.db, show.slot.id)).toMatchObject({ sold: 0 });
    });
  }

  it("of a walk-up who gave no e-mail, through a cancelled slot: refunded, and the mail to nobody is done without sending, not left to die", async () => {
    const seller = staffCtx(database.db, clock, await staffMember(database.db, "staff"));
    const show = await bookableShow(database.db, t0);
    const order = await sellAtCounter({ ctx: seller, input: { items: [{ slotId: show.slot.id, ticketTypeId: show.adult.id, quantity: 2 }], payment: "cash" } });
    expect(order.email).toBe("");
    await cancelSlot({ ctx: staffCtx(database.db, clock, await staffMember(database.db, "admin")), input: { slotId: show.slot.id, reason: "Flooded gallery" } });

    // Mail files are named by order number, which other test databases share: only what is written from now on counts.
    const since = Date.now() - 1000;
    const folder = path.join(config().dataDir, "outbox");
    const mailFiles = async () => {
      const names = (await fs.readdir(folder).catch(() => [] as string[])).filter((name) => name.startsWith(`order-${order.number}-`));
      const written = await Promise.all(names.map(async (name) => ((await fs.stat(path.join(folder, name))).mtimeMs >= since ? [name] : [])));
      return written.flat();
    };
    const { lines, log: logger } = log();
    await kickOutbox(database.db, logger);
    expect(lines.filter((line) => Number(line.level) >= 50), JSON.stringify(lines)).toEqual([]);
    const jobs = await database.db.select({ kind: outbox.kind, doneAt: outbox.doneAt, attempts: outbox.attempts }).from(outbox).where(eq(outbox.orderId, order.id));
    expect(jobs.length).toBeGreaterThanOrEqual(2);
    expect(jobs.every((job) => job.doneAt && job.attempts === 1), JSON.stringify(jobs)).toBe(true);
    expect((await database.db.select({ status: orders.status }).from(orders).where(eq(orders.id, order.id)))[0]!.status).toBe("refunded");
    // Nothing was "sent": through SMTP a message to nobody fails every attempt until its job is dead.
    expect(await mailFiles()).toEqual([]);
  });
});
