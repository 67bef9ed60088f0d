import { describe, expect, it } from "vitest";
import { databaseForThisFile } from "../../../tests/support/database";
import { createExhibition, createSlot } from "../../../tests/support/factories";
import { testCtx } from "../../../tests/support/cart-fixtures";
import { addDays, venueDateOf, venueInstant } from "../calendar/venue-time";
import { listDays } from "./list-days";

const db = databaseForThisFile();

describe("the days of the booking window", () => {
  it("are open while a slot can be booked, sold out when none can and one sold out, closed otherwise", async () => {
    const now = new Date("2026-11-21T05:00:00Z");
    const today = venueDateOf(now, "Asia/Kolkata");
    const at = (offset: number, minutes: number) => venueInstant(addDays(today, offset), minutes, "Asia/Kolkata");
    const exhibition = await createExhibition(db.current.db);
    await createSlot(db.current.db, exhibition.id, { startsAt: at(0, 9 * 60) }); // today, already started
    await createSlot(db.current.db, exhibition.id, { startsAt: at(1, 600), capacity: 20, sold: 20 });
    await createSlot(db.current.db, exhibition.id, { startsAt: at(1, 630), capacity: 20, sold: 19 });
    await createSlot(db.current.db, exhibition.id, { startsAt: at(2, 600), capacity: 20, sold: 20 });
    await createSlot(db.current.db, exhibition.id, { startsAt: at(2, 630), status: "cancelled" });
    await createSlot(db.current.db, exhibition.id, { startsAt: at(59, 600) });
    await createSlot(db.current.db, exhibition.id, { startsAt: at(60, 600) });

    const days = await listDays({ ctx: testCtx(db.current.db, { now }), input: { slug: exhibition.slug } });
    expect(days).toEqual([
      { date: today, status: "closed" },
      { date: addDays(today, 1), status: "open" },
      { date: addDays(today, 2), status: "sold_out" },
      { date: addDays(today, 59), status: "open" },
    ]);
  });
});
