import { describe, expect, it } from "vitest";
import { expectApiError } from "../support/http-client";
import { createSlot } from "../support/factories";
import { productionServerForThisFile } from "../support/production-server";
import { signedInStaff } from "../support/staff-fixtures";

// PostgreSQL refuses a NUL in text outright: a field that reaches a text column with one must be a 400, never a 500.
const server = productionServerForThisFile();
const NUL = "a\u0000b";

describe("staff text fields with a NUL byte", () => {
  it("answer 400 invalid_request naming the field, for exhibitions, ticket types and a slot's cancel reason", async () => {
    const admin = await signedInStaff(server.current, "admin");
    const base = { slug: "nul-gallery", title: "Gallery", summary: "Rooms.", description: "More.", kind: "exhibition", durationMinutes: 60 };
    for (const field of ["title", "summary", "description"] as const) {
      const answer = await admin.post("/api/staff/exhibitions", { ...base, [field]: NUL });
      expectApiError(answer, 400, "invalid_request");
      expect(Object.keys(answer.body.error.fields)).toContain(field);
    }
    const made = await admin.post("/api/staff/exhibitions", base);
    expect(made.status, made.text).toBe(201);
    expectApiError(await admin.send("PATCH", "/api/staff/exhibitions/nul-gallery", { body: { title: NUL } }), 400, "invalid_request");
    const type = { code: "adult", name: NUL, price: { amount: 100, currency: "INR" }, consumesCapacity: true };
    expectApiError(await admin.post("/api/staff/exhibitions/nul-gallery/ticket-types", type), 400, "invalid_request");
    expectApiError(await admin.post("/api/staff/exhibitions/nul-gallery/ticket-types", { ...type, name: "Adult", description: NUL }), 400, "invalid_request");

    for (const answer of [
      await admin.send("PATCH", "/api/staff/exhibitions/a%00b", { body: { title: "T" } }),
      await admin.get("/api/staff/exhibitions/a%00b/schedule"),
      await admin.post("/api/staff/exhibitions/a%00b/ticket-types", { ...type, name: "Adult" }),
    ]) expectApiError(answer, 400, "invalid_request");
    expect((await admin.get("/staff/exhibitions/a%00b")).status).toBeLessThan(500);
    expect((await admin.get("/staff/exhibitions/a%00b/schedule")).status).toBeLessThan(500);

    const slot = await createSlot(server.current.database.db, made.body.exhibition.id, { startsAt: new Date(Date.now() + 86_400_000) });
    expectApiError(await admin.post(`/api/staff/slots/${slot.id}/cancel`, { reason: NUL }), 400, "invalid_request");
  });
});
