import fs from "node:fs/promises";
import path from "node:path";
import { eq } from "drizzle-orm";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outbox, timeSlots, waitlistEntries } from "@/db/schema";
import { joinWaitlist } from "@/domain/waitlist/join-waitlist";
import { leaveWaitlist } from "@/domain/waitlist/leave-waitlist";
import { hashToken, newToken, WAITLIST_MAILS } from "@/domain/waitlist/tokens";
import { config } from "@/server/config";
import { databaseHandle } from "@/server/database";
import { kickOutbox } from "@/server/outbox/outbox";
import { bookableShow, t0, testCtx } from "../support/cart-fixtures";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { readOutboxMail } from "../support/mail-files";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  databaseHandle(database);
});
afterAll(() => database.drop());

/** An entry holding an offer on a fresh slot, with its offer e-mail due. */
async function offered(email: string) {
  const show = await bookableShow(database.db, t0);
  const token = newToken();
  const [entry] = await database.db
    .insert(waitlistEntries)
    .values({ slotId: show.slot.id, ticketTypeId: show.adult.id, email, quantity: 1, locale: "en", status: "offered", leaveTokenHash: hashToken(newToken()), offerTokenHash: hashToken(token), offerSeconds: 600, offeredAt: new Date(), offerExpiresAt: new Date(Date.now() + 600_000) })
    .returning();
  const [job] = await database.db.insert(outbox).values({ kind: WAITLIST_MAILS.offer, subjectId: entry!.id, payload: { token } }).returning();
  const mailFile = path.join(config().dataDir, "outbox", `waitlist-${entry!.id}-offer-${entry!.line}_localhost.eml`);
  return { slotId: show.slot.id, job: job!, mailFile };
}
const exists = (file: string) => fs.access(file).then(() => true, () => false);
const jobOf = async (id: string) => (await database.db.select().from(outbox).where(eq(outbox.id, id)))[0]!;

describe("the waiting list's offer e-mails", () => {
  it("sends an offer for an open slot, and completes one for a slot since closed without sending it", async () => {
    const open = await offered("open@example.org");
    const closed = await offered("closed@example.org");
    await database.db.update(timeSlots).set({ status: "closed" }).where(eq(timeSlots.id, closed.slotId));
    await kickOutbox(database.db, pino({ level: "silent" }));
    expect(await exists(open.mailFile)).toBe(true);
    expect(await exists(closed.mailFile)).toBe(false);
    expect(await jobOf(closed.job.id)).toMatchObject({ lastError: null, payload: null, doneAt: expect.any(Date) });
  });

  it("gives each time in line its own joined e-mail, Message-ID and live leave link; a mail whose link has gone stale is not sent", async () => {
    const now = new Date();
    const ctx = testCtx(database.db, { now });
    const show = await bookableShow(database.db, now);
    await database.db.update(timeSlots).set({ sold: show.slot.capacity }).where(eq(timeSlots.id, show.slot.id));
    const join = () => joinWaitlist({ ctx, input: { exhibitionSlug: show.exhibition.slug, slotId: show.slot.id, email: "again@example.org", quantity: 1, locale: "en" } });
    const log = pino({ level: "silent" });
    await join();
    const [first] = await database.db.select().from(waitlistEntries).where(eq(waitlistEntries.slotId, show.slot.id));
    const [firstJob] = await database.db.select().from(outbox).where(eq(outbox.subjectId, first!.id));
    const token = firstJob!.payload!.token!;
    await kickOutbox(database.db, log);
    await leaveWaitlist({ ctx, input: { token } });
    await join();
    const [second] = await database.db.select().from(waitlistEntries).where(eq(waitlistEntries.slotId, show.slot.id));
    // The first join's mail again, as a retried or late job would be: its leave link is dead now.
    const [stale] = await database.db.insert(outbox).values({ kind: WAITLIST_MAILS.joined, subjectId: first!.id, payload: { token } }).returning();
    await kickOutbox(database.db, log);
    const mailOf = (line: number) => readOutboxMail(config().dataDir, `waitlist-${first!.id}-joined-${line}@localhost`);
    expect(second!.line).toBeGreaterThan(first!.line);
    expect(await mailOf(first!.line)).toContain(`/waitlist/leave/${token}`);
    expect(await mailOf(second!.line)).toMatch(/\/waitlist\/leave\/[A-Za-z0-9_-]{43}/);
    expect(await mailOf(second!.line)).not.toContain(token);
    expect(await jobOf(stale!.id)).toMatchObject({ lastError: null, doneAt: expect.any(Date) });
  });
});
