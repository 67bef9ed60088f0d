import { randomBytes } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, cartItems, carts, schedules, timeSlots } from "@/db/schema";
import { bookableShow, guest, holdAccounts, t0 } from "../../../tests/support/cart-fixtures";
import { databaseForThisFile } from "../../../tests/support/database";
import { contact } from "../../../tests/support/order-fixtures";
import { staffCtx, staffMember } from "../../../tests/support/staff-fixtures";
import { addToCart } from "../cart/add-to-cart";
import { addDays, clockTime, venueDateOf, venueInstant } from "../calendar/venue-time";
import { checkout } from "../checkout/checkout";
import { isDomainError } from "../errors";
import { getSchedule } from "./get-schedule";
import { replaceSchedule } from "./replace-schedule";
import type { ScheduleRule } from "./slot-times";

const db = databaseForThisFile();
const ZONE = "Asia/Kolkata";
// t0 is 10:30 in Kolkata on Saturday 2026-11-21: today's 10:00 has started, 10:30 starts now.
const today = venueDateOf(t0, ZONE);
const at = (day: number, time: string) => venueInstant(addDays(today, day), Number(time.slice(0, 2)) * 60 + Number(time.slice(3)), ZONE);
const daily = (from: string, until: string, capacity: number): ScheduleRule => ({ weekdays: [1, 2, 3, 4, 5, 6, 7], from, until, everyMinutes: 30, capacity });

async function admin() {
  return staffCtx(db.current.db, { now: t0 }, await staffMember(db.current.db, "admin"));
}

/** A published exhibition with adult and infant tickets and no slots of its own (bookableShow's one is removed). */
async function exhibitionWithTickets() {
  const show = await bookableShow(db.current.db, t0);
  await db.current.db.delete(timeSlots).where(eq(timeSlots.id, show.slot.id));
  return show;
}

const slotAt = async (exhibitionId: string, startsAt: Date) => (await db.current.db.select().from(timeSlots).where(and(eq(timeSlots.exhibitionId, exhibitionId), eq(timeSlots.startsAt, startsAt))))[0];
const slotsOf = (exhibitionId: string) => db.current.db.select().from(timeSlots).where(eq(timeSlots.exhibitionId, exhibitionId));

describe("replacing a schedule", () => {
  it("makes the booking window's slots, then removes and cuts only slots nothing holds, keeps cancelled and closed ones, and says what it skipped", async () => {
    const ctx = await admin();
    const { exhibition, adult, infant } = await exhibitionWithTickets();
    const first = await replaceSchedule({ ctx, input: { slug: exhibition.slug, schedule: { rules: [daily("10:00", "12:00", 10)], closedDates: [] } } });
    expect(first).toMatchObject({ slotsCreated: 60 * 4, slotsRemoved: 0, slotsResized: 0, skipped: [] });
    expect(first.schedule).toMatchObject({ rules: [daily("10:00", "12:00", 10)], closedDates: [] });

    const visitor = { ...ctx, actor: { kind: "anonymous" as const } };
    const A = (await slotAt(exhibition.id, at(1, "11:00")))!; // held by a cart
    const B = (await slotAt(exhibition.id, at(1, "11:30")))!; // tickets sold
    const C = (await slotAt(exhibition.id, at(2, "11:00")))!; // only an expired cart line names it
    const D = (await slotAt(exhibition.id, at(2, "11:30")))!; // cancelled by staff
    const E = (await slotAt(exhibition.id, at(3, "11:00")))!; // closed by staff
    const F = (await slotAt(exhibition.id, at(1, "10:30")))!; // held, and the new rule cuts its capacity
    const G = (await slotAt(exhibition.id, at(2, "10:00")))!; // closed, nothing held: cut, stays closed
    const I = (await slotAt(exhibition.id, at(3, "11:30")))!; // an unpaid order of an infant ticket: no place, but a ticket to be
    await addToCart({ ctx: visitor, input: { owner: guest(), slotId: A.id, ticketTypeId: adult.id, quantity: 2 } });
    await addToCart({ ctx: visitor, input: { owner: guest(), slotId: F.id, ticketTypeId: adult.id, quantity: 2 } });
    await db.current.db.update(timeSlots).set({ sold: 3 }).where(eq(timeSlots.id, B.id));
    const [lapsed] = await db.current.db.insert(carts).values({ guestTokenHash: randomBytes(32).toString("hex") }).returning();
    await db.current.db.insert(cartItems).values({ cartId: lapsed!.id, slotId: C.id, ticketTypeId: adult.id, quantity: 1, unitPriceMinor: adult.priceMinor, status: "expired", heldAt: t0, holdExpiresAt: t0 });
    await db.current.db.update(timeSlots).set({ status: "cancelled", cancelReason: "gallery flooded" }).where(eq(timeSlots.id, D.id));
    await db.current.db.update(timeSlots).set({ status: "closed" }).where(eq(timeSlots.id, E.id));
    await db.current.db.update(timeSlots).set({ status: "closed" }).where(eq(timeSlots.id, G.id));
    const payer = guest();
    await addToCart({ ctx: visitor, input: { owner: payer, slotId: I.id, ticketTypeId: infant.id, quantity: 1 } });
    await checkout({ ctx: visitor, input: { owner: payer, contact, provider: "test" } });

    const second = await replaceSchedule({ ctx, input: { slug: exhibition.slug, schedule: { rules: [daily("10:00", "11:00", 5)], closedDates: [] } } });
    // 120 slots at 11:00 and 11:30; D was cancelled by staff, E closed, A, B and I hold something.
    expect(second).toMatchObject({ slotsCreated: 0, slotsRemoved: 115, slotsResized: 117 });
    expect(second.skipped.map((slot) => [slot.slotId, slot.change])).toEqual([
      [F.id, "shrink"],
      [A.id, "remove"],
      [B.id, "remove"],
      [E.id, "remove"],
      [I.id, "remove"],
    ]);
    expect(second.skipped.map((slot) => slot.reason)).toEqual(["Capacity not cut: 2 held.", "Kept: 2 held.", "Kept: 3 sold.", "Kept: closed by staff.", "Kept: in a cart or an unpaid order."]);

    const after = new Map((await slotsOf(exhibition.id)).map((slot) => [slot.id, slot]));
    expect(after.get(A.id)).toMatchObject({ status: "open", held: 2, capacity: 10 });
    expect(after.get(B.id)).toMatchObject({ status: "open", sold: 3 });
    expect(after.get(C.id)).toMatchObject({ status: "cancelled", cancelReason: "removed from the schedule" });
    expect(after.get(D.id)).toMatchObject({ status: "cancelled", cancelReason: "gallery flooded" });
    expect(after.get(E.id)).toMatchObject({ status: "closed" });
    expect(after.get(F.id)).toMatchObject({ capacity: 10, held: 2 });
    expect(after.get(G.id)).toMatchObject({ status: "closed", capacity: 5 });
    expect(after.get(I.id)).toMatchObject({ status: "open" });
    // Today's 10:00 has started and 10:30 starts now: neither is touched.
    expect((await slotAt(exhibition.id, at(0, "10:00")))!.capacity).toBe(10);
    expect((await slotAt(exhibition.id, at(0, "10:30")))!.capacity).toBe(10);
    expect(await slotAt(exhibition.id, at(0, "11:00"))).toBeUndefined();
    expect(await slotAt(exhibition.id, at(5, "11:30"))).toBeUndefined();
    expect((await slotAt(exhibition.id, at(5, "10:30")))!.capacity).toBe(5);

    // Undoing the change brings back the deleted slots, reopens the one the schedule cancelled, and leaves staff's cancellation alone.
    const undo = await replaceSchedule({ ctx, input: { slug: exhibition.slug, schedule: { rules: [daily("10:00", "12:00", 10)], closedDates: [] } } });
    expect(undo).toMatchObject({ slotsCreated: 115, slotsRemoved: 0, slotsResized: 117, skipped: [] });
    expect((await slotAt(exhibition.id, C.startsAt))).toMatchObject({ id: C.id, status: "open", cancelReason: null, capacity: 10 });
    expect((await slotAt(exhibition.id, D.startsAt))).toMatchObject({ status: "cancelled", cancelReason: "gallery flooded" });
    expect(await holdAccounts(db.current.db)).toEqual(expect.not.arrayContaining([expect.objectContaining({ id: A.id, held: 0 })]));
  });

  it("closes dates and writes one audit entry a change, before and after, in the change's transaction", async () => {
    const ctx = await admin();
    const { exhibition } = await exhibitionWithTickets();
    const weekends = { rules: [{ weekdays: [6, 7], from: "09:00", until: "10:00", everyMinutes: 60, capacity: 30 }], closedDates: [] };
    const made = await replaceSchedule({ ctx, input: { slug: exhibition.slug, schedule: weekends } });
    // From Saturday 2026-11-21 to Tuesday 2027-01-19: 9 Saturdays and 9 Sundays; today's 09:00 has started but is made.
    expect(made.slotsCreated).toBe(18);
    const closed = await replaceSchedule({ ctx, input: { slug: exhibition.slug, schedule: { ...weekends, closedDates: ["2026-12-26", "2026-12-27"] } } });
    expect(closed).toMatchObject({ slotsCreated: 0, slotsRemoved: 2, skipped: [] });
    expect(await slotAt(exhibition.id, venueInstant("2026-12-26", 9 * 60, ZONE))).toBeUndefined();

    const entries = await db.current.db.select().from(auditLog).where(eq(auditLog.entityId, exhibition.id)).orderBy(auditLog.id);
    expect(entries.map((entry) => entry.action)).toEqual(["schedule.replace", "schedule.replace"]);
    expect(entries[0]).toMatchObject({ actorEmail: (ctx.actor as { email: string }).email, entityType: "exhibition", before: null, after: { ...weekends, slotsCreated: 18, slotsRemoved: 0 } });
    expect(entries[1]).toMatchObject({ before: weekends, after: { rules: weekends.rules, closedDates: ["2026-12-26", "2026-12-27"], slotsRemoved: 2 } });
    expect((await getSchedule({ ctx, input: { slug: exhibition.slug } })).schedule).toMatchObject({ closedDates: ["2026-12-26", "2026-12-27"] });

    // A failing change leaves neither slots, schedule nor audit entry behind.
    const failing = db.current.db.transaction(async (tx) => {
      await replaceSchedule({ ctx: { ...ctx, db: tx }, input: { slug: exhibition.slug, schedule: { rules: [daily("12:00", "13:00", 5)], closedDates: [] } } });
      throw new Error("rolled back");
    });
    await expect(failing).rejects.toThrow("rolled back");
    expect(await db.current.db.select().from(auditLog).where(eq(auditLog.entityId, exhibition.id))).toHaveLength(2);
    expect((await db.current.db.select().from(schedules).where(eq(schedules.exhibitionId, exhibition.id)))[0]!.closedDates).toHaveLength(2);
    expect(await slotsOf(exhibition.id)).toHaveLength(16);
  });

  it("takes turns with another change of the same schedule: each audit entry's before is the other's after", async () => {
    const ctx = await admin();
    const { exhibition } = await exhibitionWithTickets();
    await replaceSchedule({ ctx, input: { slug: exhibition.slug, schedule: { rules: [daily("10:00", "12:00", 10)], closedDates: [] } } });
    const changes = [daily("10:00", "11:00", 7), daily("11:00", "12:00", 9)].map((rule) => ({ rules: [rule], closedDates: [] }));
    await Promise.all(changes.map((schedule) => replaceSchedule({ ctx, input: { slug: exhibition.slug, schedule } })));
    const entries = await db.current.db.select().from(auditLog).where(eq(auditLog.entityId, exhibition.id)).orderBy(auditLog.id);
    expect(entries).toHaveLength(3);
    expect((entries[2]!.before as { rules: unknown }).rules).toEqual((entries[1]!.after as { rules: unknown }).rules);
    const last = (entries[2]!.after as { rules: ScheduleRule[] }).rules[0]!;
    const slots = (await slotsOf(exhibition.id)).filter((slot) => slot.startsAt > t0);
    expect(slots.every((slot) => slot.capacity === last.capacity)).toBe(true);
    expect(new Set(slots.map((slot) => clockTime(slot.startsAt, ZONE)))).toEqual(new Set(last.from === "10:00" ? ["10:00", "10:30"] : ["11:00", "11:30"]));
  });

  it("is for admins: 401 for nobody, 403 for staff and door, 404 for an unknown exhibition, 400 naming bad fields", async () => {
    const ctx = await admin();
    const { exhibition } = await exhibitionWithTickets();
    const codeOf = (promise: Promise<unknown>) => promise.then(() => "done", (error: unknown) => (isDomainError(error) ? error.code : String(error)));
    const schedule = { rules: [daily("10:00", "11:00", 5)], closedDates: [] };
    expect(await codeOf(replaceSchedule({ ctx: { ...ctx, actor: { kind: "anonymous" } }, input: { slug: exhibition.slug, schedule } }))).toBe("unauthenticated");
    for (const role of ["staff", "door"] as const) {
      const other = staffCtx(db.current.db, { now: t0 }, await staffMember(db.current.db, role));
      expect(await codeOf(replaceSchedule({ ctx: other, input: { slug: exhibition.slug, schedule } }))).toBe("forbidden");
      expect(await codeOf(getSchedule({ ctx: other, input: { slug: exhibition.slug } }))).toBe("forbidden");
    }
    expect(await codeOf(replaceSchedule({ ctx, input: { slug: "no-such-thing", schedule } }))).toBe("not_found");
    expect(await codeOf(getSchedule({ ctx, input: { slug: "no-such-thing" } }))).toBe("not_found");
    const refused = await replaceSchedule({ ctx, input: { slug: exhibition.slug, schedule: { rules: [{ ...daily("11:00", "10:00", 5), everyMinutes: 1 }] } } }).catch((error: unknown) => error);
    expect(isDomainError(refused) && refused.details).toEqual({ fields: { "rules.0.until": "must be after from", "rules.0.everyMinutes": "must be a whole number of minutes from 5 to 720" } });
    expect(await slotsOf(exhibition.id)).toHaveLength(0);
    expect((await getSchedule({ ctx, input: { slug: exhibition.slug } })).schedule).toBeNull();
  });

  // The free ticket takes no place, so its add never updates the slot: keepBookable's lock is what the schedule waits for.
  it.each(["adult", "infant"] as const)("never leaves a line on a removed slot when visitors add %s tickets while the slots are removed", async (kind) => {
    const ctx = await admin();
    const outcomes = new Map<string, number>();
    // At least 6 rounds, and more (up to 20) until the race has gone both ways: under a loaded CI machine
    // the adds once won all 6, which proved nothing about the other way.
    const bothWays = () => (outcomes.get("held") ?? 0) > 0 && (kind === "infant" || (outcomes.get("not_found") ?? 0) + (outcomes.get("slot_closed") ?? 0) > 0);
    for (let round = 0; round < 20 && (round < 6 || !bothWays()); round++) {
      const { exhibition, ...types } = await exhibitionWithTickets();
      const ticket = types[kind];
      await replaceSchedule({ ctx, input: { slug: exhibition.slug, schedule: { rules: [daily("10:00", "12:00", 10)], closedDates: [] } } });
      const doomed = (await slotsOf(exhibition.id)).filter((slot) => slot.startsAt > t0 && clockTime(slot.startsAt, ZONE) === "11:00").slice(0, 16);
      const visitor = { ...ctx, actor: { kind: "anonymous" as const } };
      const add = (slot: (typeof doomed)[number]) =>
        addToCart({ ctx: visitor, input: { owner: guest(), slotId: slot.id, ticketTypeId: ticket.id, quantity: 1 } }).then(
          () => "held",
          (error: unknown) => (isDomainError(error) ? error.code : Promise.reject(error)),
        );
      const remove = () => replaceSchedule({ ctx, input: { slug: exhibition.slug, schedule: { rules: [daily("10:00", "11:00", 10), daily("11:30", "12:00", 10)], closedDates: [] } } });
      // Every other round the change is sent first, so each side gets to start ahead.
      const change = round % 2 === 1 ? remove() : undefined;
      const adds = doomed.map(add);
      const [answers, result] = await Promise.all([Promise.all(adds), change ?? remove()]);
      for (const answer of answers) outcomes.set(answer, (outcomes.get(answer) ?? 0) + 1);
      expect(answers.every((answer) => ["held", "not_found", "slot_closed"].includes(answer))).toBe(true);

      const left = new Map((await slotsOf(exhibition.id)).map((slot) => [slot.id, slot]));
      for (const [i, slot] of doomed.entries()) {
        const now = left.get(slot.id);
        if (answers[i] === "held") expect(now).toMatchObject({ status: "open", held: kind === "adult" ? 1 : 0 });
        else expect(now === undefined || now.status === "cancelled").toBe(true);
      }
      const kept = doomed.filter((slot) => left.has(slot.id) && left.get(slot.id)!.status === "open");
      expect(result.skipped.map((slot) => slot.slotId).sort()).toEqual(expect.arrayContaining(kept.map((slot) => slot.id).sort()));
    }
    // Every hold matches its cart lines; nothing names a slot that is gone (the foreign keys would refuse it).
    const drift = (await holdAccounts(db.current.db)).filter((slot) => slot.held !== slot.live);
    expect(drift).toEqual([]);
    const { rows } = await db.current.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM cart_items c WHERE NOT EXISTS (SELECT 1 FROM time_slots s WHERE s.id = c.slot_id)`);
    expect(rows[0]!.n).toBe(0);
    // Both outcomes happened across the rounds, or the race was not run.
    expect(outcomes.get("held") ?? 0).toBeGreaterThan(0);
    if (kind === "adult") expect((outcomes.get("not_found") ?? 0) + (outcomes.get("slot_closed") ?? 0)).toBeGreaterThan(0);
  });
});
