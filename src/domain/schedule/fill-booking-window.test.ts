import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { schedules, timeSlots } from "@/db/schema";
import { t0 } from "../../../tests/support/cart-fixtures";
import { databaseForThisFile } from "../../../tests/support/database";
import { createExhibition, createSlot } from "../../../tests/support/factories";
import { clockTime, venueDateOf } from "../calendar/venue-time";
import { staffCtx, staffMember } from "../../../tests/support/staff-fixtures";
import { fillBookingWindow } from "./fill-booking-window";
import { replaceSchedule } from "./replace-schedule";

const db = databaseForThisFile();
const ZONE = "Asia/Kolkata";
const DAY = 86_400_000;
const ctxAt = (now: Date) => ({ db: db.current.db, now: () => now, settings: { venueTimeZone: ZONE } });
const weekdaysNineToEleven = { rules: [{ weekdays: [1, 2, 3, 4, 5], from: "09:00", until: "11:00", everyMinutes: 60, capacity: 12 }], closedDates: ["2026-11-23"] };

describe("the slot generator", () => {
  it("fills the booking window from the schedules, once, and adds the days that come into it as the clock moves", async () => {
    const show = await createExhibition(db.current.db, { kind: "show", durationMinutes: 45 });
    const draft = await createExhibition(db.current.db, { status: "draft" });
    const archived = await createExhibition(db.current.db, { status: "archived" });
    const unscheduled = await createExhibition(db.current.db);
    for (const { id } of [show, draft, archived]) await db.current.db.insert(schedules).values({ exhibitionId: id, ...weekdaysNineToEleven });

    // 2026-11-21 (a Saturday) to 2027-01-19: 42 weekdays, less the closed Monday 2026-11-23; two slots each.
    expect(await fillBookingWindow({ ctx: ctxAt(t0) })).toEqual({ slotsCreated: 2 * 2 * 41 });
    expect(await fillBookingWindow({ ctx: ctxAt(t0) })).toEqual({ slotsCreated: 0 });

    const slots = await db.current.db.select().from(timeSlots).where(eq(timeSlots.exhibitionId, show.id));
    expect(slots).toHaveLength(82);
    expect(new Set(slots.map((slot) => clockTime(slot.startsAt, ZONE)))).toEqual(new Set(["09:00", "10:00"]));
    expect(slots.every((slot) => slot.capacity === 12 && slot.endsAt.getTime() - slot.startsAt.getTime() === 45 * 60_000)).toBe(true);
    expect(slots.some((slot) => venueDateOf(slot.startsAt, ZONE) === "2026-11-23")).toBe(false);
    for (const { id } of [archived, unscheduled]) expect(await db.current.db.select().from(timeSlots).where(eq(timeSlots.exhibitionId, id))).toEqual([]);

    // A day on, Wednesday 2027-01-20 enters the window; two more, Thursday and Friday; then a weekend, which adds nothing.
    expect(await fillBookingWindow({ ctx: ctxAt(new Date(t0.getTime() + DAY)) })).toEqual({ slotsCreated: 2 * 2 });
    expect(await fillBookingWindow({ ctx: ctxAt(new Date(t0.getTime() + 3 * DAY)) })).toEqual({ slotsCreated: 2 * 2 * 2 });
    expect(await fillBookingWindow({ ctx: ctxAt(new Date(t0.getTime() + 5 * DAY)) })).toEqual({ slotsCreated: 0 });
    expect(await fillBookingWindow({ ctx: ctxAt(new Date(t0.getTime() + 5 * DAY)), input: { exhibitionId: show.id } })).toEqual({ slotsCreated: 0 });
  });

  it("never changes a slot that exists: one staff cancelled or closed stays so, and keeps its capacity", async () => {
    const exhibition = await createExhibition(db.current.db);
    await db.current.db.insert(schedules).values({ exhibitionId: exhibition.id, ...weekdaysNineToEleven });
    // Monday 2026-11-30, 09:00 and 10:00 in Kolkata.
    const cancelled = await createSlot(db.current.db, exhibition.id, { startsAt: new Date("2026-11-30T03:30:00Z"), capacity: 3, status: "cancelled", cancelReason: "strike" });
    const closed = await createSlot(db.current.db, exhibition.id, { startsAt: new Date("2026-11-30T04:30:00Z"), capacity: 4, status: "closed" });
    expect(await fillBookingWindow({ ctx: ctxAt(t0), input: { exhibitionId: exhibition.id } })).toEqual({ slotsCreated: 80 });
    const [afterCancelled] = await db.current.db.select().from(timeSlots).where(eq(timeSlots.id, cancelled.id));
    const [afterClosed] = await db.current.db.select().from(timeSlots).where(eq(timeSlots.id, closed.id));
    expect(afterCancelled).toMatchObject({ status: "cancelled", capacity: 3, cancelReason: "strike" });
    expect(afterClosed).toMatchObject({ status: "closed", capacity: 4 });
  });

  it("is safe run by two processes at once", async () => {
    const exhibition = await createExhibition(db.current.db);
    await db.current.db.insert(schedules).values({ exhibitionId: exhibition.id, ...weekdaysNineToEleven });
    const runs = await Promise.all([1, 2, 3].map(() => fillBookingWindow({ ctx: ctxAt(t0), input: { exhibitionId: exhibition.id } })));
    expect(runs.reduce((sum, run) => sum + run.slotsCreated, 0)).toBe(82);
    expect(await db.current.db.select().from(timeSlots).where(eq(timeSlots.exhibitionId, exhibition.id))).toHaveLength(82);
  });

  it("waits for a schedule change in progress, and never brings back the slots it removes", async () => {
    const exhibition = await createExhibition(db.current.db);
    const admin = staffCtx(db.current.db, { now: t0 }, await staffMember(db.current.db, "admin"));
    await db.current.db.insert(schedules).values({ exhibitionId: exhibition.id, ...weekdaysNineToEleven });
    await fillBookingWindow({ ctx: ctxAt(t0), input: { exhibitionId: exhibition.id } });
    let job: Promise<{ slotsCreated: number }> | undefined;
    await db.current.db.transaction(async (tx) => {
      const nineOnly = { ...weekdaysNineToEleven, rules: [{ ...weekdaysNineToEleven.rules[0]!, until: "10:00" }] };
      expect(await replaceSchedule({ ctx: { ...admin, db: tx }, input: { slug: exhibition.slug, schedule: nineOnly } })).toMatchObject({ slotsRemoved: 41 });
      // The hourly run starts before the change commits, on a connection of its own.
      job = fillBookingWindow({ ctx: ctxAt(t0) });
      await new Promise((resolve) => setTimeout(resolve, 300));
    });
    expect(await job).toEqual({ slotsCreated: 0 });
    const slots = await db.current.db.select().from(timeSlots).where(eq(timeSlots.exhibitionId, exhibition.id));
    expect(slots.map((slot) => clockTime(slot.startsAt, ZONE))).not.toContain("10:00");
  });
});
