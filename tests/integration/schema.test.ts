import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { timeSlots } from "@/db/schema";
import { databaseForThisFile } from "../support/database";
import { createExhibition, createSlot } from "../support/factories";

const db = databaseForThisFile();

const constraintOf = (error: unknown) => ((error as { cause?: { constraint?: string } }).cause ?? (error as { constraint?: string })).constraint;

describe("the schema", () => {
  it("has every table of the catalogue, schedule, cart and accounts", async () => {
    const { rows } = await db.current.pool.query<{ table_name: string }>("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'");
    expect(rows.map((row) => row.table_name)).toEqual(
      expect.arrayContaining(["exhibitions", "ticket_showcase_config", "ticket_types", "time_slots", "carts", "cart_items", "user", "session", "account", "verification"]),
    );
  });

  it("refuses held + sold beyond capacity, whatever the code does", async () => {
    const exhibition = await createExhibition(db.current.db);
    const slot = await createSlot(db.current.db, exhibition.id, { startsAt: new Date("2030-01-01T05:00:00Z"), capacity: 20, sold: 15 });

    await db.current.db.update(timeSlots).set({ held: 5 }).where(eq(timeSlots.id, slot.id));
    for (const change of [{ held: 6 }, { sold: 16 }, { held: -1 }, { sold: -1 }]) {
      const error = await db.current.db
        .update(timeSlots)
        .set(change)
        .where(eq(timeSlots.id, slot.id))
        .then(() => undefined, (caught: unknown) => caught);
      expect(constraintOf(error), JSON.stringify(change)).toBe("time_slots_capacity_respected");
    }
    const [after] = await db.current.db.select().from(timeSlots).where(eq(timeSlots.id, slot.id));
    expect(after).toMatchObject({ held: 5, sold: 15 });
  });

  it("keeps one slot per exhibition and start, and slots that end after they start", async () => {
    const exhibition = await createExhibition(db.current.db);
    const startsAt = new Date("2030-01-02T05:00:00Z");
    await createSlot(db.current.db, exhibition.id, { startsAt });
    await expect(createSlot(db.current.db, exhibition.id, { startsAt })).rejects.toSatisfy((error) => constraintOf(error) === "time_slots_exhibition_start");
    await expect(createSlot(db.current.db, exhibition.id, { startsAt: new Date("2030-01-03T05:00:00Z"), endsAt: new Date("2030-01-03T05:00:00Z") })).rejects.toSatisfy(
      (error) => constraintOf(error) === "time_slots_ends_after_start",
    );
  });

  it("refuses slugs that would not make a clean URL", async () => {
    await expect(createExhibition(db.current.db, { slug: "Has Spaces" })).rejects.toSatisfy((error) => constraintOf(error) === "exhibitions_slug_format");
  });

  it("records the applied migrations", async () => {
    const { rows } = await db.current.pool.query<{ n: number }>("SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations");
    expect(rows[0]!.n).toBeGreaterThan(0);
  });
});
