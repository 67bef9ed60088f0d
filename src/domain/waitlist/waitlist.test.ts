import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { connectDatabase } from "@/db/client";
import { outbox, ticketTypes, waitlistEntries } from "@/db/schema";
import { reconcileHolds } from "@/domain/availability/reconcile-holds";
import { releaseAllExpiredHolds } from "@/domain/availability/release-expired-holds";
import { databaseForThisFile } from "../../../tests/support/database";
import { bookableShow, guest, holdAccounts, slotCounts, testCtx } from "../../../tests/support/cart-fixtures";
import { createTicketType } from "../../../tests/support/factories";
import { staffCtx, staffMember } from "../../../tests/support/staff-fixtures";
import { addToCart } from "../cart/add-to-cart";
import { getCart } from "../cart/get-cart";
import { removeItem } from "../cart/remove-item";
import { checkout } from "../checkout/checkout";
import { expireOrders } from "../checkout/expire-orders";
import { cancelSlot } from "../slots/cancel-slot";
import { updateSlot } from "../slots/update-slot";
import type { DomainError } from "../errors";
import { claimOffer } from "./claim-offer";
import { expireOffers } from "./expire-offers";
import { joinWaitlist } from "./join-waitlist";
import { leaveWaitlist } from "./leave-waitlist";
import { hashToken, WAITLIST_MAILS } from "./tokens";
import { waitlistSlot } from "./waitlist-views";

const db = databaseForThisFile();
// Offers are timed by the database's clock (the app's clock is the database's, src/server/clock.ts).
const clock = () => ({ now: new Date() });
const refusal = (promise: Promise<unknown>) => promise.then(() => expect.fail("expected a refusal"), (error: DomainError) => error);
const later = (seconds: number) => new Date(Date.now() + seconds * 1000);

/** A sold-out slot of `capacity`: each of `carts` holds its share, so removing a line frees places. */
async function soldOut(capacity = 4, shares = [2, 2]) {
  const c = clock();
  const ctx = testCtx(db.current.db, c, { waitlistHoldSeconds: 600 });
  const show = await bookableShow(db.current.db, c.now, { capacity });
  const carts = [];
  for (const quantity of shares) {
    const owner = guest();
    const cart = await addToCart({ ctx, input: { owner, slotId: show.slot.id, ticketTypeId: show.adult.id, quantity } });
    carts.push({ owner, itemId: cart.items[0]!.id });
  }
  const join = (email: string, quantity: number, locale = "en", ticketTypeId?: string) => joinWaitlist({ ctx, input: { exhibitionSlug: show.exhibition.slug, slotId: show.slot.id, email, quantity, locale, ticketTypeId } });
  return { ctx, show, carts, join };
}

const entriesOf = (slotId: string) => db.current.db.select().from(waitlistEntries).where(eq(waitlistEntries.slotId, slotId)).orderBy(waitlistEntries.line);
const offerTokenOf = async (entryId: string) => {
  const [job] = await db.current.db.select().from(outbox).where(sql`${outbox.subjectId} = ${entryId} AND ${outbox.kind} = ${WAITLIST_MAILS.offer}`);
  return job?.payload?.token;
};
const joinedJobsOf = (entryId: string) => db.current.db.select().from(outbox).where(sql`${outbox.subjectId} = ${entryId} AND ${outbox.kind} = ${WAITLIST_MAILS.joined}`);
const noDrift = async () => {
  expect((await holdAccounts(db.current.db)).filter((row) => row.held !== row.live)).toEqual([]);
  expect(await reconcileHolds(db.current.db)).toEqual([]);
};

describe("joining the waiting list", () => {
  it("puts a sold-out slot's visitor in line, in their language, with a join e-mail carrying a leave token kept only as a hash", async () => {
    const { show, join } = await soldOut();
    expect(await join("Asha@Example.org ", 2, "kn")).toEqual({ slotId: show.slot.id, quantity: 2 });
    const [entry] = await entriesOf(show.slot.id);
    expect(entry).toMatchObject({ email: "asha@example.org", quantity: 2, locale: "kn", status: "waiting", ticketTypeId: show.adult.id, offerSeconds: 600 });
    const [job] = await db.current.db.select().from(outbox).where(eq(outbox.subjectId, entry!.id));
    expect(job).toMatchObject({ kind: WAITLIST_MAILS.joined, orderId: null });
    expect(hashToken(job!.payload!.token!)).toBe(entry!.leaveTokenHash);
  });

  it("answers a second join of the same address the same and changes nothing: no one learns who waits", async () => {
    const { show, join } = await soldOut();
    await join("twice@example.org", 1);
    expect(await join("twice@example.org", 3)).toEqual({ slotId: show.slot.id, quantity: 3 });
    expect((await entriesOf(show.slot.id)).map((entry) => entry.quantity)).toEqual([1]);
    expect(await db.current.db.select().from(outbox).where(eq(outbox.kind, WAITLIST_MAILS.joined)).then((jobs) => jobs.filter((job) => job.payload))).toHaveLength(
      (await db.current.db.select().from(waitlistEntries)).length,
    );
  });

  it("puts an address whose entry is over (left, lapsed, claimed) back at the end of the line, afresh, with a new join e-mail", async () => {
    const { ctx, show, carts, join } = await soldOut(6, [2, 2, 2]);
    await join("left@example.org", 1);
    await join("lapsed@example.org", 2);
    await join("claimed@example.org", 2);
    await join("waits@example.org", 6);
    const [left, lapsed, claimed] = await entriesOf(show.slot.id);
    await leaveWaitlist({ ctx, input: { token: (await joinedJobsOf(left!.id))[0]!.payload!.token! } });
    await removeItem({ ctx, input: carts[0]! });
    // Lapsing passes the places on to the next that fits, who claims them.
    await expireOffers(db.current.db, later(601));
    await claimOffer({ ctx, input: { token: (await offerTokenOf(claimed!.id))!, owner: guest() } });
    expect((await entriesOf(show.slot.id)).map((entry) => [entry.email, entry.status])).toEqual([
      ["left@example.org", "left"],
      ["lapsed@example.org", "lapsed"],
      ["claimed@example.org", "claimed"],
      ["waits@example.org", "waiting"],
    ]);

    expect(await join("claimed@example.org", 3, "hi")).toEqual({ slotId: show.slot.id, quantity: 3 });
    expect(await join("lapsed@example.org", 1, "kn")).toEqual({ slotId: show.slot.id, quantity: 1 });
    expect(await join("left@example.org", 4)).toEqual({ slotId: show.slot.id, quantity: 4 });
    const entries = await entriesOf(show.slot.id);
    expect(entries.map((entry) => [entry.email, entry.status, entry.quantity])).toEqual([
      ["waits@example.org", "waiting", 6],
      ["claimed@example.org", "waiting", 3],
      ["lapsed@example.org", "waiting", 1],
      ["left@example.org", "waiting", 4],
    ]);
    expect(entries.find((entry) => entry.id === claimed!.id)).toMatchObject({ locale: "hi", offerTokenHash: null, offeredAt: null, offerExpiresAt: null });
    expect(entries.find((entry) => entry.id === lapsed!.id)).toMatchObject({ locale: "kn", offerTokenHash: null, offeredAt: null, offerExpiresAt: null });
    for (const entry of [left!, lapsed!, claimed!]) {
      const jobs = await joinedJobsOf(entry.id);
      expect(jobs).toHaveLength(2);
      const now = entries.find((one) => one.id === entry.id)!;
      expect(now.leaveTokenHash).not.toBe(entry.leaveTokenHash);
      expect(jobs.map((job) => hashToken(job.payload!.token!))).toContain(now.leaveTokenHash);
    }
    // The old leave link no longer names the entry.
    await leaveWaitlist({ ctx, input: { token: (await joinedJobsOf(left!.id)).find((job) => hashToken(job.payload!.token!) === left!.leaveTokenHash)!.payload!.token! } });
    expect(await entriesOf(show.slot.id).then((all) => all.find((entry) => entry.id === left!.id))).toMatchObject({ status: "waiting" });
    await noDrift();
  });

  it("answers a join by an address holding an offer the same and changes nothing", async () => {
    const { ctx, show, carts, join } = await soldOut();
    await join("offered@example.org", 2);
    await removeItem({ ctx, input: carts[0]! });
    const [before] = await entriesOf(show.slot.id);
    expect(before).toMatchObject({ status: "offered" });
    expect(await join("offered@example.org", 1)).toEqual({ slotId: show.slot.id, quantity: 1 });
    expect((await entriesOf(show.slot.id))[0]).toEqual(before);
    expect(await joinedJobsOf(before!.id)).toHaveLength(1);
  });

  it("refuses a child's ticket type, sold only beside an adult's, with 422 companion_required, and never picks one by default", async () => {
    const { show, join } = await soldOut();
    const child = await createTicketType(db.current.db, show.exhibition.id, { code: "child", name: "Child", priceMinor: 10_000, requiresCompanion: true, sortOrder: -1 });
    expect(await refusal(join("child@example.org", 1, "en", child.id))).toMatchObject({ code: "companion_required" });
    await join("adult@example.org", 1);
    expect(await entriesOf(show.slot.id)).toEqual([expect.objectContaining({ email: "adult@example.org", ticketTypeId: show.adult.id })]);
    const view = await waitlistSlot({ ctx: testCtx(db.current.db, clock()), input: { slug: show.exhibition.slug, slotId: show.slot.id } });
    expect(view.ticketTypes.map((type) => type.id)).toEqual([show.adult.id]);
  });

  it("refuses a slot with places left with 422 not_sold_out, and more than MAX_TICKETS_PER_ORDER", async () => {
    const { join } = await soldOut(5, [2, 2]);
    expect(await refusal(join("early@example.org", 1))).toMatchObject({ code: "not_sold_out", details: { available: 1 } });
    const full = await soldOut();
    expect(await refusal(full.join("many@example.org", 11))).toMatchObject({ code: "limit_exceeded" });
  });

  it("counts expired holds as free: a slot that only looks full is not joined", async () => {
    const c = { now: new Date() };
    const ctx = testCtx(db.current.db, c);
    const show = await bookableShow(db.current.db, c.now, { capacity: 2 });
    await addToCart({ ctx, input: { owner: guest(), slotId: show.slot.id, ticketTypeId: show.adult.id, quantity: 2 } });
    c.now = later(3600);
    expect(await refusal(joinWaitlist({ ctx, input: { exhibitionSlug: show.exhibition.slug, slotId: show.slot.id, email: "a@example.org", quantity: 1, locale: "en" } }))).toMatchObject({ code: "not_sold_out" });
  });
});

describe("offers when places come back", () => {
  it("a removed cart line: the places go to the first in line in the same statement, never to the public", async () => {
    const { ctx, show, carts, join } = await soldOut();
    await join("first@example.org", 2);
    await join("second@example.org", 2);
    await removeItem({ ctx, input: carts[0]! });
    const [first, second] = await entriesOf(show.slot.id);
    expect(first).toMatchObject({ status: "offered" });
    expect(second).toMatchObject({ status: "waiting" });
    expect(first!.offerExpiresAt!.getTime() - first!.offeredAt!.getTime()).toBe(600_000);
    expect(await slotCounts(db.current.db, show.slot.id)).toMatchObject({ held: 4, capacity: 4 });
    expect(await refusal(addToCart({ ctx, input: { owner: guest(), slotId: show.slot.id, ticketTypeId: show.adult.id, quantity: 1 } }))).toMatchObject({ code: "sold_out" });
    expect(hashToken((await offerTokenOf(first!.id))!)).toBe(first!.offerTokenHash);
    await noDrift();
  });

  it("skips an entry wanting more than came free, keeping its place in line, and offers the next that fits", async () => {
    const { ctx, show, carts, join } = await soldOut(4, [1, 3]);
    await join("big@example.org", 3);
    await join("small@example.org", 1);
    await removeItem({ ctx, input: carts[0]! });
    expect((await entriesOf(show.slot.id)).map((entry) => entry.status)).toEqual(["waiting", "offered"]);
    await noDrift();
  });

  it("an expired hold, an expired order, a capacity increase and a refund each offer the places", async () => {
    // An expired hold, swept.
    const a = await soldOut(2, [2]);
    await a.join("hold@example.org", 2);
    await releaseAllExpiredHolds(db.current.db, later(3600));
    expect((await entriesOf(a.show.slot.id))[0]).toMatchObject({ status: "offered" });

    // An unpaid order that expires.
    const b = await soldOut(2, [2]);
    await checkout({ ctx: b.ctx, input: { owner: b.carts[0]!.owner, contact: { name: "Asha Rao", email: "asha@example.org" }, provider: "test" } });
    await b.join("order@example.org", 2);
    expect(await expireOrders(db.current.db, later(3600))).toBeGreaterThanOrEqual(1);
    expect((await entriesOf(b.show.slot.id))[0]).toMatchObject({ status: "offered" });

    // Staff raise the capacity.
    const c = await soldOut(2, [2]);
    await c.join("capacity@example.org", 1);
    await updateSlot({ ctx: staffCtx(db.current.db, clock(), await staffMember(db.current.db, "admin")), input: { slotId: c.show.slot.id, capacity: 3 } });
    expect((await entriesOf(c.show.slot.id))[0]).toMatchObject({ status: "offered" });
    expect(await slotCounts(db.current.db, c.show.slot.id)).toMatchObject({ held: 3, capacity: 3 });

    // A refund gives sold places back, whichever verb does it.
    const d = await soldOut(2, [2]);
    await d.join("refund@example.org", 1);
    await db.current.db.execute(sql`UPDATE time_slots SET held = held - 2, sold = sold + 2 WHERE id = ${d.show.slot.id}`);
    await db.current.db.execute(sql`DELETE FROM cart_items WHERE slot_id = ${d.show.slot.id}`);
    expect((await entriesOf(d.show.slot.id))[0]).toMatchObject({ status: "waiting" });
    await db.current.db.execute(sql`UPDATE time_slots SET sold = sold - 1 WHERE id = ${d.show.slot.id}`);
    expect((await entriesOf(d.show.slot.id))[0]).toMatchObject({ status: "offered" });
    expect(await slotCounts(db.current.db, d.show.slot.id)).toMatchObject({ held: 1, sold: 1 });
  });

  it("an offer that runs out lapses and its places go to the next in line, then to the public", async () => {
    const { ctx, show, carts, join } = await soldOut();
    await join("first@example.org", 2);
    await join("second@example.org", 2);
    await removeItem({ ctx, input: carts[0]! });
    await expireOffers(db.current.db, new Date());
    expect((await entriesOf(show.slot.id)).map((entry) => entry.status)).toEqual(["offered", "waiting"]);
    await expireOffers(db.current.db, later(601));
    expect((await entriesOf(show.slot.id)).map((entry) => entry.status)).toEqual(["lapsed", "offered"]);
    await noDrift();
    expect(await expireOffers(db.current.db, later(601))).toBeGreaterThanOrEqual(1);
    expect((await entriesOf(show.slot.id)).map((entry) => entry.status)).toEqual(["lapsed", "lapsed"]);
    expect(await slotCounts(db.current.db, show.slot.id)).toMatchObject({ held: 2 });
    await addToCart({ ctx, input: { owner: guest(), slotId: show.slot.id, ticketTypeId: show.adult.id, quantity: 2 } });
    await noDrift();
  });
});

  it("offers nobody places in a slot that starts before the offer would run out: the public gets them at once", async () => {
    const { ctx, show, carts, join } = await soldOut();
    await join("late@example.org", 2);
    await db.current.db.execute(sql`UPDATE time_slots SET starts_at = now() + interval '5 minutes', ends_at = now() + interval '65 minutes' WHERE id = ${show.slot.id}`);
    await removeItem({ ctx, input: carts[0]! });
    expect((await entriesOf(show.slot.id))[0]).toMatchObject({ status: "waiting" });
    expect(await slotCounts(db.current.db, show.slot.id)).toMatchObject({ held: 2 });
    await noDrift();
  });

  it("cancelling the slot ends its line: waiting and offered entries lapse, the offers' places leave held, and no offer e-mail is due", async () => {
    const { ctx, show, carts, join } = await soldOut(4, [2, 2]);
    await join("offered@example.org", 2);
    await join("waiting@example.org", 2);
    await removeItem({ ctx, input: carts[0]! });
    expect((await entriesOf(show.slot.id)).map((entry) => entry.status)).toEqual(["offered", "waiting"]);
    await cancelSlot({ ctx: staffCtx(db.current.db, clock(), await staffMember(db.current.db, "admin")), input: { slotId: show.slot.id, reason: "Gallery closed" } });
    expect((await entriesOf(show.slot.id)).map((entry) => entry.status)).toEqual(["lapsed", "lapsed"]);
    expect(await slotCounts(db.current.db, show.slot.id)).toMatchObject({ held: 0 });
    await noDrift();
  });

describe("claiming and leaving", () => {
  it("a claim moves the offered places into the claimant's cart as a held line, once", async () => {
    const { ctx, show, carts, join } = await soldOut();
    await join("claim@example.org", 2);
    await removeItem({ ctx, input: carts[0]! });
    const [entry] = await entriesOf(show.slot.id);
    const token = (await offerTokenOf(entry!.id))!;
    const owner = guest();
    const cart = await claimOffer({ ctx, input: { token, owner } });
    expect(cart.items).toEqual([expect.objectContaining({ quantity: 2, status: "held" })]);
    expect(await slotCounts(db.current.db, show.slot.id)).toMatchObject({ held: 4 });
    await noDrift();
    expect(await refusal(claimOffer({ ctx, input: { token, owner: guest() } }))).toMatchObject({ code: "not_found" });
    expect((await getCart({ ctx, input: { owner } })).items).toHaveLength(1);
    expect((await entriesOf(show.slot.id))[0]).toMatchObject({ status: "claimed" });
  });

  it("refuses a claim after the offer ran out, one over the cart's limits, and one for a slot closed since, changing nothing", async () => {
    const { ctx, show, carts, join } = await soldOut();
    await join("late@example.org", 2);
    await removeItem({ ctx, input: carts[0]! });
    const token = (await offerTokenOf((await entriesOf(show.slot.id))[0]!.id))!;
    const owner = guest();
    const other = await bookableShow(db.current.db, new Date(), { capacity: 20 });
    await addToCart({ ctx, input: { owner, slotId: other.slot.id, ticketTypeId: other.adult.id, quantity: 10 } });
    expect(await refusal(claimOffer({ ctx: { ...ctx, settings: { ...ctx.settings, maxCartTickets: 11 } }, input: { token, owner } }))).toMatchObject({ code: "limit_exceeded" });
    expect((await entriesOf(show.slot.id))[0]).toMatchObject({ status: "offered" });
    expect(await refusal(claimOffer({ ctx: { ...ctx, now: () => later(601) }, input: { token, owner } }))).toMatchObject({ code: "not_found" });
    await db.current.db.execute(sql`UPDATE time_slots SET status = 'closed' WHERE id = ${show.slot.id}`);
    expect(await refusal(claimOffer({ ctx, input: { token, owner } }))).toMatchObject({ code: "slot_closed" });
    expect((await entriesOf(show.slot.id))[0]).toMatchObject({ status: "offered" });
    await noDrift();
  });

  it("refuses a claim of a ticket type taken off sale since joining as a spent link, and passes the places on", async () => {
    const { ctx, show, carts, join } = await soldOut();
    await join("first@example.org", 2);
    await join("second@example.org", 2);
    await removeItem({ ctx, input: carts[0]! });
    const [first] = await entriesOf(show.slot.id);
    await db.current.db.update(ticketTypes).set({ active: false }).where(eq(ticketTypes.id, show.adult.id));
    const owner = guest();
    expect(await refusal(claimOffer({ ctx, input: { token: (await offerTokenOf(first!.id))!, owner } }))).toMatchObject({ code: "not_found" });
    expect((await entriesOf(show.slot.id)).map((entry) => entry.status)).toEqual(["lapsed", "offered"]);
    expect((await getCart({ ctx, input: { owner } })).items).toEqual([]);
    expect(await slotCounts(db.current.db, show.slot.id)).toMatchObject({ held: 4 });
    await noDrift();
  });

  it("leaving while waiting takes the entry out of line; leaving an offer passes its places on at once", async () => {
    const { ctx, show, carts, join } = await soldOut();
    await join("stay@example.org", 2);
    await join("next@example.org", 2);
    const jobs = await db.current.db.select().from(outbox).where(eq(outbox.kind, WAITLIST_MAILS.joined));
    const [first, second] = await entriesOf(show.slot.id);
    const leaveTokenOf = (entryId: string) => jobs.find((job) => job.subjectId === entryId)!.payload!.token!;
    await removeItem({ ctx, input: carts[0]! });
    await leaveWaitlist({ ctx, input: { token: (await offerTokenOf(first!.id))! } });
    expect((await entriesOf(show.slot.id)).map((entry) => entry.status)).toEqual(["left", "offered"]);
    await noDrift();
    await leaveWaitlist({ ctx, input: { token: leaveTokenOf(second!.id) } });
    await leaveWaitlist({ ctx, input: { token: leaveTokenOf(second!.id) } });
    await leaveWaitlist({ ctx, input: { token: "x".repeat(43) } });
    expect((await entriesOf(show.slot.id)).map((entry) => entry.status)).toEqual(["left", "left"]);
    expect(await slotCounts(db.current.db, show.slot.id)).toMatchObject({ held: 2 });
    await noDrift();
  });
});

describe("offering across processes", () => {
  it("never offers the same places twice when two connections free and expire places of one slot at once", async () => {
    const second = connectDatabase(db.current.url, { max: 4 });
    try {
      for (let round = 0; round < 8; round++) {
        const { ctx, show, carts, join } = await soldOut(6, [2, 2, 2]);
        await join("a@example.org", 2);
        await join("b@example.org", 2);
        await join("c@example.org", 2);
        const other = { ...ctx, db: second.db };
        await Promise.all([removeItem({ ctx, input: carts[0]! }), removeItem({ ctx: other, input: carts[1]! }), expireOffers(second.db, later(601)), expireOffers(db.current.db, later(601))]);
        await Promise.all([removeItem({ ctx: other, input: carts[2]! }), expireOffers(second.db, later(601)), expireOffers(db.current.db, later(601))]);
        const entries = await entriesOf(show.slot.id);
        const offered = entries.filter((entry) => entry.status === "offered");
        const counts = await slotCounts(db.current.db, show.slot.id);
        expect(counts.held).toBe(offered.reduce((sum, entry) => sum + entry.quantity, 0));
        const offerJobs = await db.current.db.select().from(outbox).where(sql`${outbox.kind} = ${WAITLIST_MAILS.offer} AND ${outbox.subjectId} IN ${entries.map((entry) => entry.id)}`);
        expect(offerJobs.length).toBe(entries.filter((entry) => entry.offeredAt).length);
        await noDrift();
      }
    } finally {
      await second.close();
    }
  });

  it("a rejoin and a leave of the same address at once never deadlock: both take the entry before the slot", async () => {
    const second = connectDatabase(db.current.url, { max: 4 });
    try {
      for (let round = 0; round < 10; round++) {
        const { ctx, show, carts, join } = await soldOut(4, [2, 2]);
        await join("both@example.org", 2);
        await removeItem({ ctx, input: carts[0]! });
        const [entry] = await entriesOf(show.slot.id);
        const token = (await offerTokenOf(entry!.id))!;
        const rejoin = joinWaitlist({ ctx: { ...ctx, db: second.db }, input: { exhibitionSlug: show.exhibition.slug, slotId: show.slot.id, email: "both@example.org", quantity: 1, locale: "en" } });
        // Either order is right; a deadlock is not.
        await Promise.all([leaveWaitlist({ ctx, input: { token } }), rejoin.catch((error: DomainError) => expect(error.code).toBe("not_sold_out"))]);
        await noDrift();
      }
    } finally {
      await second.close();
    }
  });
});
