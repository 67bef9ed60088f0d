import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { accounts, exhibitions, ticketTypes, timeSlots, users } from "@/db/schema";
import { DEMO_STAFF } from "@/db/seed/demo-museum";
import { isCatalogueEmpty, seedDemoMuseum } from "@/db/seed/seed-demo-museum";
import { venueDateOf } from "@/domain/calendar/venue-time";
import { verifyPassword } from "better-auth/crypto";
import { createTestDatabase, databaseForThisFile } from "../support/database";

const now = new Date("2026-11-21T03:00:00Z");
const options = { now, timeZone: "Asia/Kolkata", currency: "INR", withDemoStaff: true };

const db = databaseForThisFile();
let firstSeed: Awaited<ReturnType<typeof seedDemoMuseum>>;

describe("the demo museum seed", () => {
  it("fills an empty database with a believable museum", async () => {
    expect(await isCatalogueEmpty(db.current.db)).toBe(true);
    firstSeed = await seedDemoMuseum(db.current.db, options);
    expect(await isCatalogueEmpty(db.current.db)).toBe(false);

    const published = await db.current.db.select().from(exhibitions).where(eq(exhibitions.status, "published"));
    expect(published.length).toBeGreaterThanOrEqual(4);
    expect(published.some((exhibition) => exhibition.kind === "show")).toBe(true);
    for (const exhibition of published) expect(exhibition.description.length).toBeGreaterThan(200);

    const types = await db.current.db.select().from(ticketTypes);
    for (const exhibition of published) {
      const codes = types.filter((type) => type.exhibitionId === exhibition.id).map((type) => type.code);
      expect(codes).toEqual(expect.arrayContaining(["adult", "child", "student", "senior"]));
    }
    expect(types.every((type) => type.priceMinor % 100 === 0)).toBe(true);
  });

  it("schedules a slot every 30 minutes from 10:00 to 17:30, venue time, for 60 days", async () => {
    const [show] = await db.current.db.select().from(exhibitions).where(eq(exhibitions.slug, "beyond-the-milky-way"));
    const slots = await db.current.db.select().from(timeSlots).where(eq(timeSlots.exhibitionId, show!.id));
    expect(slots).toHaveLength(60 * 16);
    expect(slots.every((slot) => slot.capacity === 20 && slot.held === 0 && slot.sold === 0)).toBe(true);

    const clock = (date: Date) => new Intl.DateTimeFormat("en-GB", { timeZone: "Asia/Kolkata", hour: "2-digit", minute: "2-digit" }).format(date);
    const times = new Set(slots.map((slot) => clock(slot.startsAt)));
    expect([...times].sort()).toEqual(["10:00", "10:30", "11:00", "11:30", "12:00", "12:30", "13:00", "13:30", "14:00", "14:30", "15:00", "15:30", "16:00", "16:30", "17:00", "17:30"]);

    const days = [...new Set(slots.map((slot) => venueDateOf(slot.startsAt, "Asia/Kolkata")))].sort();
    expect(days).toHaveLength(60);
    expect(days[0]).toBe("2026-11-21");
    expect(days.at(-1)).toBe("2027-01-19");
  });

  it("creates a demo staff account with a password of its own, returned once and stored only hashed", async () => {
    const [staff] = await db.current.db.select().from(users).where(eq(users.email, DEMO_STAFF.email));
    expect(staff?.role).toBe("admin");
    const [account] = await db.current.db.select().from(accounts).where(eq(accounts.userId, staff!.id));
    expect(account?.providerId).toBe("credential");
    const { email, password } = firstSeed.demoStaff!;
    expect(email).toBe(DEMO_STAFF.email);
    expect(password.length).toBeGreaterThanOrEqual(16);
    expect(account!.password).not.toContain(password);
    expect(await verifyPassword({ hash: account!.password!, password })).toBe(true);
    expect(await verifyPassword({ hash: account!.password!, password: "kaveri-demo-staff" })).toBe(false);
    expect((await seedDemoMuseum(db.current.db, options)).demoStaff).toBeUndefined();
  });

  it("re-seeds without duplicating anything or touching bookings, and tops up days as time passes", async () => {
    const [slot] = await db.current.db.select().from(timeSlots).limit(1);
    await db.current.db.update(timeSlots).set({ held: 2, sold: 3 }).where(eq(timeSlots.id, slot!.id));
    await db.current.db.update(exhibitions).set({ title: "Edited by staff" }).where(eq(exhibitions.slug, "chola-bronzes"));

    const again = await seedDemoMuseum(db.current.db, options);
    expect(again.slotsAdded).toBe(0);
    const nextDay = await seedDemoMuseum(db.current.db, { ...options, now: new Date(now.getTime() + 86_400_000) });
    expect(nextDay.slotsAdded).toBe(6 * 16);

    const [kept] = await db.current.db.select().from(timeSlots).where(eq(timeSlots.id, slot!.id));
    expect(kept).toMatchObject({ held: 2, sold: 3 });
    const [restored] = await db.current.db.select().from(exhibitions).where(eq(exhibitions.slug, "chola-bronzes"));
    expect(restored?.title).toBe("Chola Bronzes: The Dancing Gods");
    const [{ n }] = (await db.current.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM "user" WHERE email = ${DEMO_STAFF.email}`)).rows as [{ n: number }];
    expect(n).toBe(1);
  });

  it("never creates the demo staff account in production", async () => {
    const production = await createTestDatabase();
    try {
      await seedDemoMuseum(production.db, { ...options, withDemoStaff: false });
      expect(await production.db.select().from(users)).toHaveLength(0);
    } finally {
      await production.drop();
    }
  });

  it("prices in the minor units of the configured currency: fils for KWD, yen for JPY", async () => {
    const priceOf = async (database: { db: typeof db.current.db }) =>
      Object.fromEntries((await database.db.select().from(ticketTypes).innerJoin(exhibitions, eq(exhibitions.id, ticketTypes.exhibitionId))).map((row) => [`${row.exhibitions.slug} ${row.ticket_types.code}`, row.ticket_types.priceMinor]));
    const inPaise = await priceOf(db.current);
    for (const [currency, toPaise] of [["KWD", 10], ["JPY", 0.01]] as const) {
      const other = await createTestDatabase();
      try {
        await seedDemoMuseum(other.db, { ...options, currency, withDemoStaff: false });
        const prices = await priceOf(other);
        expect(Object.keys(prices).sort()).toEqual(Object.keys(inPaise).sort());
        for (const [key, paise] of Object.entries(inPaise)) expect(prices[key], `${currency} ${key}`).toBe(paise * toPaise);
      } finally {
        await other.drop();
      }
    }
  });
});
