import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { expectApiError, type Answer } from "../support/http-client";
import { createSlot } from "../support/factories";
import { productionServerForThisFile } from "../support/production-server";
import { signedInStaff } from "../support/staff-fixtures";

// The admin catalogue (API.md, Staff → Catalogue) on the server as `npm start` runs it.
const IMAGES_PER_HOUR = 4;
const server = productionServerForThisFile({ RATE_LIMIT_IMAGES_PER_HOUR: String(IMAGES_PER_HOUR) });
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(512)]);
const exhibition = (slug: string) => ({ slug, title: `Gallery ${slug}`, summary: "Rooms of things.", description: "More about them.", kind: "exhibition", durationMinutes: 60 });
const money = (amount: number) => ({ amount, currency: "INR" });
const created = (answer: Answer, status = 201) => {
  expect(answer.status, answer.text).toBe(status);
  return answer.body;
};

describe("the staff catalogue routes", () => {
  it("answer 401 without a session and 403 to door, staff and visitor accounts, changing nothing", async () => {
    const anonymous = server.current.client();
    expectApiError(await anonymous.get("/api/staff/exhibitions"), 401, "unauthenticated");
    expectApiError(await anonymous.post("/api/staff/exhibitions", exhibition("nobodys")), 401, "unauthenticated");
    for (const role of ["door", "staff", "visitor"] as const) {
      const client = await signedInStaff(server.current, role);
      expectApiError(await client.get("/api/staff/exhibitions"), 403, "forbidden");
      expectApiError(await client.post("/api/staff/exhibitions", exhibition(`by-${role}`)), 403, "forbidden");
      expectApiError(await client.send("PATCH", "/api/staff/exhibitions/monsoon-rivers", { body: { title: "Mine" } }), 403, "forbidden");
      expectApiError(await client.post("/api/staff/exhibitions/monsoon-rivers/ticket-types", { code: "free", name: "Free", price: money(0), consumesCapacity: true }), 403, "forbidden");
      expectApiError(await client.send("PATCH", `/api/staff/ticket-types/${randomBytes(16).toString("hex").replace(/(.{8})(.{4})(.{4})(.{4})(.{12})/, "$1-$2-$3-$4-$5")}`, { body: { active: false } }), 403, "forbidden");
      expectApiError(await client.post("/api/staff/images", undefined, { raw: PNG, headers: { "content-type": "image/png" } }), 403, "forbidden");
    }
    const admin = await signedInStaff(server.current, "admin");
    const all = created(await admin.get("/api/staff/exhibitions"), 200).exhibitions as { slug: string; title: string }[];
    expect(all.find((one) => one.slug === "monsoon-rivers")?.title).not.toBe("Mine");
    expect(all.map((one) => one.slug)).not.toContain("by-door");
  });

  it("create → ticket types → publish: visitors see it with its active ticket types and book at the price of their hold", async () => {
    const admin = await signedInStaff(server.current, "admin");
    const made = created(await admin.post("/api/staff/exhibitions", exhibition("star-maps"))).exhibition;
    expect(made).toMatchObject({ slug: "star-maps", status: "draft", ticketTypes: [], schedule: null });
    expectApiError(await admin.post("/api/staff/exhibitions", exhibition("star-maps")), 409, "slug_taken");
    const badSlug = await admin.post("/api/staff/exhibitions", exhibition("Star Maps!"));
    expectApiError(badSlug, 400, "invalid_request");
    expect(badSlug.body.error.fields.slug).toEqual(expect.any(String));
    expectApiError(await admin.get("/api/exhibitions/star-maps"), 404, "not_found");

    expectApiError(await admin.send("PATCH", "/api/staff/exhibitions/star-maps", { body: { status: "published" } }), 422, "no_active_ticket_type");
    const adult = created(await admin.post("/api/staff/exhibitions/star-maps/ticket-types", { code: "adult", name: "Adult", price: money(30_000), consumesCapacity: true })).ticketType;
    const child = created(await admin.post("/api/staff/exhibitions/star-maps/ticket-types", { code: "child", name: "Child", description: "Ages 3–12.", price: money(12_000), consumesCapacity: true })).ticketType;
    expectApiError(await admin.post("/api/staff/exhibitions/star-maps/ticket-types", { code: "adult", name: "Again", price: money(1), consumesCapacity: true }), 409, "code_taken");
    const dollars = await admin.post("/api/staff/exhibitions/star-maps/ticket-types", { code: "usd", name: "Dollar", price: { amount: 100, currency: "USD" }, consumesCapacity: true });
    expectApiError(dollars, 400, "invalid_request");
    expect(dollars.body.error.fields).toEqual({ price: "must be in INR" });
    const published = created(await admin.send("PATCH", "/api/staff/exhibitions/star-maps", { body: { status: "published", featured: true, displayOrder: -1 } }), 200).exhibition;
    expect(published).toMatchObject({ status: "published", featured: true, displayOrder: -1 });
    expectApiError(await admin.send("PATCH", "/api/staff/exhibitions/star-maps", { body: { slug: "star-charts" } }), 400, "invalid_request");

    const visitor = server.current.client();
    expect((await visitor.get("/api/exhibitions")).body.exhibitions[0]).toMatchObject({ slug: "star-maps", priceFrom: money(12_000) });
    const slot = await createSlot(server.current.database.db, made.id, { startsAt: new Date(Date.now() + 2 * 86_400_000) });
    const held = created(await visitor.post("/api/cart/items", { slotId: slot.id, ticketTypeId: adult.id, quantity: 2 })).cart;
    expect(held.items[0]).toMatchObject({ unitPrice: money(30_000), lineTotal: money(60_000) });

    const repriced = created(await admin.send("PATCH", `/api/staff/ticket-types/${adult.id}`, { body: { price: money(45_000), name: "Grown-up" } }), 200).ticketType;
    expect(repriced).toMatchObject({ name: "Grown-up", price: money(45_000), active: true });
    expect((await visitor.get("/api/cart")).body.cart.items[0]).toMatchObject({ unitPrice: money(30_000) });
    const latecomer = server.current.client();
    expect(created(await latecomer.post("/api/cart/items", { slotId: slot.id, ticketTypeId: adult.id, quantity: 1 })).cart.items[0]).toMatchObject({ unitPrice: money(45_000) });
    const order = created(await visitor.post("/api/checkout", { name: "Asha Rao", email: "asha@example.org" })).order;
    expect(order.total).toEqual(money(60_000));

    created(await admin.send("PATCH", `/api/staff/ticket-types/${child.id}`, { body: { active: false } }), 200);
    const page = created(await visitor.get("/api/exhibitions/star-maps"), 200).exhibition;
    expect(page.ticketTypes.map((type: { code: string }) => type.code)).toEqual(["adult"]);
    expectApiError(await server.current.client().post("/api/cart/items", { slotId: slot.id, ticketTypeId: child.id, quantity: 1 }), 422, "ticket_type_unavailable");
    expectApiError(await admin.send("PATCH", `/api/staff/ticket-types/${adult.id}`, { body: { active: false } }), 422, "no_active_ticket_type");

    const listed = (created(await admin.get("/api/staff/exhibitions"), 200).exhibitions as { slug: string; ticketTypes: { code: string; active: boolean }[] }[]).find((one) => one.slug === "star-maps")!;
    expect(listed.ticketTypes.map((type) => [type.code, type.active])).toEqual([["adult", true], ["child", false]]);
    created(await admin.send("PATCH", "/api/staff/exhibitions/star-maps", { body: { status: "archived" } }), 200);
    expectApiError(await visitor.get("/api/exhibitions/star-maps"), 404, "not_found");
    expectApiError(await admin.send("DELETE", "/api/staff/exhibitions/star-maps"), 405, "method_not_allowed");
  });

  it("keep the 64 KiB cap on JSON bodies and refuse unknown ticket types and fields", async () => {
    const admin = await signedInStaff(server.current, "admin");
    expectApiError(await admin.post("/api/staff/exhibitions", { ...exhibition("huge"), description: "x".repeat(70_000) }), 413, "payload_too_large");
    expectApiError(await admin.send("PATCH", "/api/staff/ticket-types/not-an-id", { body: { active: false } }), 404, "not_found");
    expectApiError(await admin.send("PATCH", "/api/staff/ticket-types/00000000-0000-4000-8000-000000000000", { body: { active: false } }), 404, "not_found");
    const unknown = await admin.send("PATCH", "/api/staff/exhibitions/monsoon-rivers", { body: { deleted: true } });
    expectApiError(unknown, 400, "invalid_request");
    expect(unknown.body.error.fields).toEqual({ deleted: "is not a known field" });
    expectApiError(await admin.post("/api/staff/exhibitions", { ...exhibition("scripted"), imageUrl: "javascript:alert(1)" }), 400, "invalid_request");
  });
});

describe("image uploads", () => {
  it("store a real PNG under DATA_DIR and serve it for ever by its hash; refuse too big, wrong bytes and other types", async () => {
    const admin = await signedInStaff(server.current, "admin");
    const upload = (raw: Buffer, type: string) => admin.post("/api/staff/images", undefined, { raw, headers: { "content-type": type } });
    const { imageUrl } = created(await upload(PNG, "image/png"));
    expect(imageUrl).toMatch(/^\/media\/images\/[0-9a-f]{64}\.png$/);

    const served = await server.current.client().get(imageUrl);
    expect(served.status).toBe(200);
    expect(served.headers["content-type"]).toBe("image/png");
    expect(served.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(served.headers["x-content-type-options"]).toBe("nosniff");
    expect(served.text.slice(1, 4)).toBe("PNG");

    expectApiError(await upload(Buffer.concat([PNG, Buffer.alloc(2 * 1024 * 1024)]), "image/png"), 413, "payload_too_large");
    expectApiError(await upload(Buffer.from("<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>"), "image/png"), 415, "unsupported_media_type");
    expectApiError(await upload(PNG, "image/svg+xml"), 415, "unsupported_media_type");
    expectApiError(await upload(PNG, "application/json"), 415, "unsupported_media_type");
    // Four uploads reached the store (the one too big was cut off while read): the fifth in the hour is refused, for this account only.
    const limited = await upload(PNG, "image/png");
    expectApiError(limited, 429, "rate_limited");
    expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
    const largest = Buffer.concat([PNG, randomBytes(2 * 1024 * 1024 - PNG.length)]);
    const other = created(await (await signedInStaff(server.current, "admin")).post("/api/staff/images", undefined, { raw: largest, headers: { "content-type": "image/png" } }));
    expect((await fs.stat(path.join(server.current.dataDir, "images", other.imageUrl.split("/").pop()))).size).toBe(2 * 1024 * 1024);
    expect(await fs.readFile(path.join(server.current.dataDir, "images", imageUrl.split("/").pop()))).toEqual(PNG);

    const used = created(await admin.post("/api/staff/exhibitions", { ...exhibition("pictured"), imageUrl }));
    expect(used.exhibition.imageUrl).toBe(imageUrl);
  });

  it("serve no name but <sha256>.<ext> from the folder: no way out of it", async () => {
    const visitor = server.current.client();
    const sha = "a".repeat(64);
    for (const name of ["..%2F..%2Fauth-secret", "..%2Fserver.pid", "%2e%2e", `${sha}.png%00.txt`, `${sha.toUpperCase()}.png`, `${sha}.svg`, `${sha}.png`, "auth-secret", "..%5C..%5Cauth-secret"]) {
      const answer = await visitor.get(`/media/images/${name}`);
      // A dot segment is resolved before routing (a redirect to /media); everything else is refused.
      expect(answer.status, name).toBeGreaterThanOrEqual(300);
      expect(answer.status, name).toBeLessThan(500);
      expect(answer.text, name).not.toMatch(/[0-9a-f]{40}/);
    }
    expectApiError(await visitor.get(`/media/images/${sha}.png`), 404, "not_found");
    expectApiError(await visitor.get("/media/images/..%2F..%2Fauth-secret"), 404, "not_found");
  });
});
