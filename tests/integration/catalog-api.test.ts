import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getExhibitionRoute } from "@/app/api/exhibitions/[slug]/route";
import { GET as getSlotsRoute } from "@/app/api/exhibitions/[slug]/slots/route";
import { GET as listExhibitionsRoute } from "@/app/api/exhibitions/route";
import { addDays, venueDateOf, venueInstant } from "@/domain/calendar/venue-time";
import { databaseHandle } from "@/server/database";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { createExhibition, createSlot, createTicketType } from "../support/factories";
import { call } from "../support/routes";

const zone = "Asia/Kolkata";
const today = venueDateOf(new Date(), zone);
let database: TestDatabase;
let slug: string;
let exhibitionId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  databaseHandle(database);
  const db = database.db;

  // Ordering: featured first, then display order, then title; one with no showcase row at all.
  await createExhibition(db, { slug: "c-featured-2", title: "Charlie", featured: true, displayOrder: 2 });
  await createExhibition(db, { slug: "b-featured-1", title: "Bravo", featured: true, displayOrder: 1 });
  await createExhibition(db, { slug: "a-featured-1", title: "Alpha", featured: true, displayOrder: 1 });
  await createExhibition(db, { slug: "d-plain", title: "Delta", featured: false, displayOrder: 0 });
  await createExhibition(db, { slug: "e-no-showcase", title: "Echo" });
  await createExhibition(db, { slug: "draft-one", title: "Draft", status: "draft", featured: true });
  await createExhibition(db, { slug: "archived-one", title: "Archived", status: "archived", featured: true });

  const exhibition = await createExhibition(db, { slug: "priced", title: "Priced", kind: "show", durationMinutes: 25, featured: false, displayOrder: 9 });
  slug = exhibition.slug;
  exhibitionId = exhibition.id;
  await createTicketType(db, exhibition.id, { code: "adult", name: "Adult", priceMinor: 25_000, sortOrder: 0 });
  await createTicketType(db, exhibition.id, { code: "child", name: "Child", priceMinor: 15_000, sortOrder: 1 });
  await createTicketType(db, exhibition.id, { code: "infant", name: "Under 3", priceMinor: 0, consumesCapacity: false, sortOrder: 2 });
  await createTicketType(db, exhibition.id, { code: "retired", name: "Retired", priceMinor: 100, active: false });
});
afterAll(() => database.drop());

describe("GET /api/exhibitions", () => {
  it("lists published exhibitions, featured first, then by display order, then title", async () => {
    const { status, body } = await call(listExhibitionsRoute, "/api/exhibitions");
    expect(status).toBe(200);
    expect(body.exhibitions.map((exhibition: { slug: string }) => exhibition.slug)).toEqual(["a-featured-1", "b-featured-1", "c-featured-2", "d-plain", "e-no-showcase", "priced"]);
  });

  it("describes each exhibition with the API.md fields and the cheapest paid price", async () => {
    const { body } = await call(listExhibitionsRoute, "/api/exhibitions");
    const priced = body.exhibitions.find((exhibition: { slug: string }) => exhibition.slug === "priced");
    expect(priced).toEqual({
      id: exhibitionId,
      slug: "priced",
      title: "Priced",
      summary: "A test exhibition.",
      imageUrl: "/images/monsoon-rivers.svg",
      kind: "show",
      featured: false,
      displayOrder: 9,
      priceFrom: { amount: 15_000, currency: "INR" },
    });
  });
});

describe("GET /api/exhibitions/{slug}", () => {
  it("adds the description, duration and the active ticket types in their order", async () => {
    const { status, body } = await call(getExhibitionRoute, `/api/exhibitions/${slug}`, { slug });
    expect(status).toBe(200);
    expect(body.exhibition).toMatchObject({ slug, description: "First paragraph.\n\nSecond paragraph.", durationMinutes: 25 });
    expect(body.exhibition.ticketTypes).toEqual([
      expect.objectContaining({ code: "adult", name: "Adult", price: { amount: 25_000, currency: "INR" }, consumesCapacity: true }),
      expect.objectContaining({ code: "child", price: { amount: 15_000, currency: "INR" } }),
      expect.objectContaining({ code: "infant", price: { amount: 0, currency: "INR" }, consumesCapacity: false }),
    ]);
    expect(Object.keys(body.exhibition.ticketTypes[0]).sort()).toEqual(["code", "consumesCapacity", "description", "id", "name", "price", "requiresCompanion"]);
  });

  it.each(["no-such-thing", "draft-one", "archived-one", "NOT A SLUG", "%00"])("answers 404 in the error shape for %s", async (missing) => {
    const { status, body } = await call(getExhibitionRoute, `/api/exhibitions/${encodeURIComponent(missing)}`, { slug: missing });
    expect(status).toBe(404);
    expect(body).toEqual({ error: { code: "not_found", message: expect.any(String), requestId: "test-request" } });
  });
});

describe("GET /api/exhibitions/{slug}/slots", () => {
  let slotIds: Record<"open" | "few" | "soldOut" | "cancelled" | "past" | "day14" | "day15" | "lateEvening" | "earlyMorning", string>;

  beforeAll(async () => {
    const db = database.db;
    const tomorrow = addDays(today, 1);
    const at = (date: string, hhmm: string) => venueInstant(date, Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3)), zone);
    const open = await createSlot(db, exhibitionId, { startsAt: at(tomorrow, "10:00"), capacity: 20, held: 2, sold: 5 });
    const few = await createSlot(db, exhibitionId, { startsAt: at(tomorrow, "10:30"), capacity: 20, held: 10, sold: 7 });
    const soldOut = await createSlot(db, exhibitionId, { startsAt: at(tomorrow, "11:00"), capacity: 20, sold: 20 });
    const cancelled = await createSlot(db, exhibitionId, { startsAt: at(tomorrow, "11:30"), status: "cancelled" });
    // Started, and today in the museum's time even just after its midnight.
    const past = await createSlot(db, exhibitionId, { startsAt: new Date(Math.max(Date.now() - 3_600_000, venueInstant(today, 0, zone).getTime())) });
    const day14 = await createSlot(db, exhibitionId, { startsAt: at(addDays(today, 13), "12:00") });
    const day15 = await createSlot(db, exhibitionId, { startsAt: at(addDays(today, 14), "12:00") });
    const lateEvening = await createSlot(db, exhibitionId, { startsAt: at(addDays(today, 20), "23:30") });
    const earlyMorning = await createSlot(db, exhibitionId, { startsAt: at(addDays(today, 21), "00:00") });
    slotIds = { open: open.id, few: few.id, soldOut: soldOut.id, cancelled: cancelled.id, past: past.id, day14: day14.id, day15: day15.id, lateEvening: lateEvening.id, earlyMorning: earlyMorning.id };
  });

  const slotsOf = async (query: string) => {
    const response = await call(getSlotsRoute, `/api/exhibitions/${slug}/slots${query}`, { slug });
    expect(response.status).toBe(200);
    return response.body.slots as { id: string; startsAt: string; endsAt: string; capacity: number; available: number; status: string }[];
  };

  it("defaults to today and the 13 days after, ordered by start", async () => {
    const slots = await slotsOf("");
    const ids = slots.map((slot) => slot.id);
    expect(ids).toContain(slotIds.day14);
    expect(ids).not.toContain(slotIds.day15);
    expect(ids).toContain(slotIds.past);
    expect(slots.map((slot) => slot.startsAt)).toEqual([...slots.map((slot) => slot.startsAt)].sort());
  });

  it("reports places left and the state of each slot", async () => {
    const tomorrow = addDays(today, 1);
    const slots = await slotsOf(`?from=${tomorrow}&to=${tomorrow}`);
    const byId = Object.fromEntries(slots.map((slot) => [slot.id, slot]));
    expect(byId[slotIds.open]).toMatchObject({ capacity: 20, available: 13, status: "open" });
    expect(byId[slotIds.few]).toMatchObject({ available: 3, status: "few_left" });
    expect(byId[slotIds.soldOut]).toMatchObject({ available: 0, status: "sold_out" });
    expect(byId[slotIds.cancelled]).toMatchObject({ status: "closed" });
    expect(Object.keys(byId[slotIds.open]!).sort()).toEqual(["available", "capacity", "endsAt", "id", "startsAt", "status"]);
    expect(byId[slotIds.open]!.startsAt).toBe(venueInstant(tomorrow, 600, zone).toISOString());
  });

  it("closes a slot that has already started", async () => {
    const slots = await slotsOf(`?from=${today}&to=${today}`);
    expect(slots.find((slot) => slot.id === slotIds.past)?.status).toBe("closed");
  });

  it("groups by the venue's day, not UTC's", async () => {
    const day20 = addDays(today, 20);
    expect((await slotsOf(`?from=${day20}&to=${day20}`)).map((slot) => slot.id)).toEqual([slotIds.lateEvening]);
    const day21 = addDays(today, 21);
    expect((await slotsOf(`?from=${day21}&to=${day21}`)).map((slot) => slot.id)).toEqual([slotIds.earlyMorning]);
  });

  it("accepts a range of exactly 92 days", async () => {
    await slotsOf(`?from=${today}&to=${addDays(today, 91)}`);
  });

  it.each([
    ["?from=2026-13-01", { from: expect.any(String) }],
    ["?from=2026-02-30", { from: expect.any(String) }],
    ["?from=21-11-2026", { from: expect.any(String) }],
    ["?from=", { from: expect.any(String) }],
    ["?to=tomorrow", { to: expect.any(String) }],
    [`?from=${today}&to=${addDays(today, -1)}`, { to: "must not be before from" }],
    [`?from=${today}&to=${addDays(today, 92)}`, { to: expect.stringContaining("92") }],
    [`?from=${today}&to=${addDays(today, 400)}`, { to: expect.stringContaining("92") }],
    ["?day=2026-11-21", { day: "is not a known parameter" }],
    [`?from=${today}&from=${today}`, { from: "must be given once" }],
  ])("answers 400 invalid_request with fields for %s", async (query, fields) => {
    const { status, body } = await call(getSlotsRoute, `/api/exhibitions/${slug}/slots${query}`, { slug });
    expect(status).toBe(400);
    expect(body.error).toEqual({ code: "invalid_request", message: expect.any(String), requestId: "test-request", fields });
  });

  it("answers 404 for an unknown or unpublished exhibition", async () => {
    for (const missing of ["no-such-thing", "draft-one"]) {
      const { status, body } = await call(getSlotsRoute, `/api/exhibitions/${missing}/slots`, { slug: missing });
      expect(status).toBe(404);
      expect(body.error.code).toBe("not_found");
    }
  });

  it("checks the query before looking the exhibition up", async () => {
    const { status } = await call(getSlotsRoute, `/api/exhibitions/no-such-thing/slots?from=bad`, { slug: "no-such-thing" });
    expect(status).toBe(400);
  });
});

describe("when the database fails", () => {
  it("answers 500 in the error shape with the request id, and logs it", async () => {
    await database.db.execute(`ALTER TABLE ticket_showcase_config RENAME TO ticket_showcase_config_gone` as never);
    try {
      const { status, body } = await call(listExhibitionsRoute, "/api/exhibitions");
      expect(status).toBe(500);
      expect(body).toEqual({ error: { code: "internal", message: expect.any(String), requestId: "test-request" } });
      expect(JSON.stringify(body)).not.toMatch(/ticket_showcase|at .*\.ts/);
    } finally {
      await database.db.execute(`ALTER TABLE ticket_showcase_config_gone RENAME TO ticket_showcase_config` as never);
    }
  });
});

