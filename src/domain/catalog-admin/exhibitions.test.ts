import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, exhibitions, schedules, timeSlots } from "@/db/schema";
import { BOOKING_DAYS_AHEAD } from "../catalog/booking-window";
import { databaseForThisFile } from "../../../tests/support/database";
import { t0 } from "../../../tests/support/cart-fixtures";
import { staffCtx, staffMember } from "../../../tests/support/staff-fixtures";
import { listExhibitions } from "../catalog/list-exhibitions";
import { getExhibition } from "../catalog/get-exhibition";
import type { DomainError } from "../errors";
import { addTicketType } from "./add-ticket-type";
import { createExhibition } from "./create-exhibition";
import { listStaffExhibitions } from "./list-staff-exhibitions";
import { updateExhibition } from "./update-exhibition";
import { updateTicketType } from "./update-ticket-type";

const db = databaseForThisFile();
const refusal = (promise: Promise<unknown>) => promise.then(() => expect.unreachable("was not refused"), (error: DomainError) => error);
const admin = async () => staffCtx(db.current.db, { now: t0 }, await staffMember(db.current.db, "admin"));
let counter = 0;
const fresh = (overrides: Record<string, unknown> = {}) => ({
  slug: `gallery-${++counter}`,
  title: `Gallery ${counter}`,
  summary: "A room of things.",
  description: "More about it.",
  kind: "exhibition",
  durationMinutes: 45,
  ...overrides,
});
const adult = { code: "adult", name: "Adult", price: { amount: 30_000, currency: "INR" }, consumesCapacity: true };
const auditOf = (entityId: string) => db.current.db.select().from(auditLog).where(eq(auditLog.entityId, entityId)).orderBy(auditLog.id);

describe("creating an exhibition", () => {
  it("makes a draft with a placeholder image and audits who did it", async () => {
    const ctx = await admin();
    const made = await createExhibition({ ctx, input: fresh({ slug: "night-sky" }) });
    expect(made).toMatchObject({ slug: "night-sky", status: "draft", featured: false, displayOrder: 0, imageUrl: "/images/exhibition-placeholder.svg", ticketTypes: [], schedule: null });
    const [entry] = await auditOf(made.id);
    expect(entry).toMatchObject({ action: "exhibition.create", entityType: "exhibition", actorEmail: ctx.actor.kind === "user" ? ctx.actor.email : "", before: null, after: { slug: "night-sky", status: "draft" } });
  });

  it("refuses bad slugs and image addresses with the fields named", async () => {
    const ctx = await admin();
    for (const slug of ["A", "Upper-Case", "two--hyphens", "-lead", "trail-", "x", "new", "a".repeat(61), "spa ce"]) {
      expect((await refusal(createExhibition({ ctx, input: fresh({ slug }) }))).details, slug).toMatchObject({ fields: { slug: expect.any(String) } });
    }
    for (const imageUrl of ["javascript:alert(1)", "data:image/png;base64,AAAA", "http://example.org/a.png", "/media/images/../../etc/passwd", "/somewhere/else.png", "https://"]) {
      expect((await refusal(createExhibition({ ctx, input: fresh({ imageUrl }) }))).details, imageUrl).toMatchObject({ fields: { imageUrl: expect.any(String) } });
    }
    for (const imageUrl of ["https://images.example.org/a.jpg", `/media/images/${"a".repeat(64)}.png`, "/images/monsoon-rivers.svg"]) {
      expect((await createExhibition({ ctx, input: fresh({ imageUrl }) })).imageUrl).toBe(imageUrl);
    }
  });

  it("gives one slug to one of many concurrent creates; the others are slug_taken", async () => {
    const actor = await staffMember(db.current.db, "admin");
    const ctxs = Array.from({ length: 6 }, () => staffCtx(db.current.db, { now: t0 }, actor));
    const results = await Promise.allSettled(ctxs.map((ctx) => createExhibition({ ctx, input: fresh({ slug: "only-one" }) })));
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    for (const result of results.filter((one) => one.status === "rejected")) expect((result as PromiseRejectedResult).reason).toMatchObject({ code: "slug_taken" });
    expect(await db.current.db.select().from(exhibitions).where(eq(exhibitions.slug, "only-one"))).toHaveLength(1);
  });
});

describe("changing an exhibition", () => {
  it("publishes only with a ticket type on sale, then visitors see it with its active ticket types only", async () => {
    const ctx = await admin();
    const made = await createExhibition({ ctx, input: fresh({ slug: "to-publish", title: "To Publish" }) });
    expect(await refusal(updateExhibition({ ctx, input: { slug: "to-publish", changes: { status: "published" } } }))).toMatchObject({ code: "no_active_ticket_type" });
    const child = await addTicketType({ ctx, input: { slug: "to-publish", ticketType: { ...adult, code: "child", name: "Child", price: { amount: 10_000, currency: "INR" }, requiresCompanion: true } } });
    expect(child).toMatchObject({ requiresCompanion: true });
    expect(await updateTicketType({ ctx, input: { id: child.id, changes: { requiresCompanion: false } } })).toMatchObject({ requiresCompanion: false });
    await updateTicketType({ ctx, input: { id: child.id, changes: { active: false } } });
    expect(await refusal(updateExhibition({ ctx, input: { slug: "to-publish", changes: { status: "published" } } }))).toMatchObject({ code: "no_active_ticket_type" });
    await addTicketType({ ctx, input: { slug: "to-publish", ticketType: adult } });
    const published = await updateExhibition({ ctx, input: { slug: "to-publish", changes: { status: "published", featured: true, displayOrder: 3 } } });
    expect(published).toMatchObject({ status: "published", featured: true, displayOrder: 3 });

    const seen = await getExhibition({ ctx, input: { slug: "to-publish" } });
    expect(seen.ticketTypes.map((type) => type.code)).toEqual(["adult"]);
    expect((await listExhibitions({ ctx })).map((one) => one.slug)).toContain("to-publish");
    const entries = await auditOf(made.id);
    expect(entries.at(-1)).toMatchObject({ action: "exhibition.update", before: { status: "draft", featured: false }, after: { status: "published", featured: true, displayOrder: 3 } });
  });

  it("gives an exhibition brought back from the archive its schedule's slots at once", async () => {
    const ctx = await admin();
    const made = await createExhibition({ ctx, input: fresh({ slug: "back-again" }) });
    await updateExhibition({ ctx, input: { slug: "back-again", changes: { status: "archived" } } });
    await db.current.db.insert(schedules).values({ exhibitionId: made.id, rules: [{ weekdays: [1, 2, 3, 4, 5, 6, 7], from: "10:00", until: "11:00", everyMinutes: 30, capacity: 10 }] });
    await updateExhibition({ ctx, input: { slug: "back-again", changes: { status: "draft" } } });
    expect((await db.current.db.select().from(timeSlots).where(eq(timeSlots.exhibitionId, made.id))).length).toBe(2 * BOOKING_DAYS_AHEAD);
  });

  it("keeps the last ticket type of a published exhibition on sale", async () => {
    const ctx = await admin();
    await createExhibition({ ctx, input: fresh({ slug: "last-one" }) });
    const type = await addTicketType({ ctx, input: { slug: "last-one", ticketType: adult } });
    await updateExhibition({ ctx, input: { slug: "last-one", changes: { status: "published" } } });
    expect(await refusal(updateTicketType({ ctx, input: { id: type.id, changes: { active: false } } }))).toMatchObject({ code: "no_active_ticket_type" });
    await updateExhibition({ ctx, input: { slug: "last-one", changes: { status: "archived" } } });
    expect(await updateTicketType({ ctx, input: { id: type.id, changes: { active: false } } })).toMatchObject({ active: false });
  });

  it("changes the slug of a draft (409 when taken), never of one that has been published", async () => {
    const ctx = await admin();
    await createExhibition({ ctx, input: fresh({ slug: "taken-slug" }) });
    await createExhibition({ ctx, input: fresh({ slug: "old-slug" }) });
    expect(await refusal(updateExhibition({ ctx, input: { slug: "old-slug", changes: { slug: "taken-slug" } } }))).toMatchObject({ code: "slug_taken" });
    expect(await updateExhibition({ ctx, input: { slug: "old-slug", changes: { slug: "new-slug", title: "Renamed" } } })).toMatchObject({ slug: "new-slug", title: "Renamed" });
    await addTicketType({ ctx, input: { slug: "new-slug", ticketType: adult } });
    await updateExhibition({ ctx, input: { slug: "new-slug", changes: { status: "published" } } });
    expect(await refusal(updateExhibition({ ctx, input: { slug: "new-slug", changes: { slug: "newer-slug" } } }))).toMatchObject({ code: "invalid_request", details: { fields: { slug: expect.any(String) } } });
    expect(await refusal(updateExhibition({ ctx, input: { slug: "no-such-thing", changes: { title: "X" } } }))).toMatchObject({ code: "not_found" });
  });

  it("is for admins only: staff and door are forbidden, nobody is unauthenticated, and nothing changes", async () => {
    const ctx = await admin();
    await createExhibition({ ctx, input: fresh({ slug: "guarded" }) });
    for (const role of ["staff", "door"] as const) {
      const other = staffCtx(db.current.db, { now: t0 }, await staffMember(db.current.db, role));
      expect(await refusal(createExhibition({ ctx: other, input: fresh() }))).toMatchObject({ code: "forbidden" });
      expect(await refusal(updateExhibition({ ctx: other, input: { slug: "guarded", changes: { title: "Mine" } } }))).toMatchObject({ code: "forbidden" });
      expect(await refusal(listStaffExhibitions({ ctx: other }))).toMatchObject({ code: "forbidden" });
    }
    expect(await refusal(listStaffExhibitions({ ctx: { ...ctx, actor: { kind: "anonymous" } } }))).toMatchObject({ code: "unauthenticated" });
    const [row] = await db.current.db.select().from(exhibitions).where(eq(exhibitions.slug, "guarded"));
    expect(row!.title).not.toBe("Mine");
  });

  it("lists every exhibition for the console, drafts and archived ones, with every ticket type and the schedule", async () => {
    const ctx = await admin();
    await createExhibition({ ctx, input: fresh({ slug: "listed-draft" }) });
    const type = await addTicketType({ ctx, input: { slug: "listed-draft", ticketType: adult } });
    await updateTicketType({ ctx, input: { id: type.id, changes: { active: false, name: "Grown-up", price: { amount: 35_000, currency: "INR" } } } });
    const listed = (await listStaffExhibitions({ ctx })).find((one) => one.slug === "listed-draft");
    expect(listed).toMatchObject({ status: "draft", schedule: null, ticketTypes: [{ code: "adult", name: "Grown-up", active: false, price: { amount: 35_000, currency: "INR" }, consumesCapacity: true }] });
    expect(await auditOf(type.id)).toMatchObject([
      { action: "ticket_type.create", after: { code: "adult", active: true } },
      { action: "ticket_type.update", before: { name: "Adult", active: true, price: { amount: 30_000 } }, after: { name: "Grown-up", active: false, price: { amount: 35_000 } } },
    ]);
  });
});

describe("ticket types", () => {
  it("refuses a code the exhibition already has (409 code_taken), a foreign currency and a bad price, with the fields named", async () => {
    const ctx = await admin();
    await createExhibition({ ctx, input: fresh({ slug: "typed" }) });
    await addTicketType({ ctx, input: { slug: "typed", ticketType: adult } });
    expect(await refusal(addTicketType({ ctx, input: { slug: "typed", ticketType: adult } }))).toMatchObject({ code: "code_taken" });
    expect(await refusal(addTicketType({ ctx, input: { slug: "typed", ticketType: { ...adult, code: "usd", price: { amount: 100, currency: "USD" } } } }))).toMatchObject({ code: "invalid_request", details: { fields: { price: "must be in INR" } } });
    for (const price of [{ amount: -1, currency: "INR" }, { amount: 1.5, currency: "INR" }, { amount: 1_000_001, currency: "INR" }, 300]) {
      expect(await refusal(addTicketType({ ctx, input: { slug: "typed", ticketType: { ...adult, code: "odd", price } } }))).toMatchObject({ code: "invalid_request", details: { fields: { price: expect.any(String) } } });
    }
    expect(await refusal(addTicketType({ ctx, input: { slug: "no-such", ticketType: adult } }))).toMatchObject({ code: "not_found" });
    expect(await refusal(updateTicketType({ ctx, input: { id: "00000000-0000-4000-8000-000000000000", changes: { name: "X" } } }))).toMatchObject({ code: "not_found" });
  });
});
