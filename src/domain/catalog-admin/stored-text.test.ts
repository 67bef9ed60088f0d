import { describe, expect, it } from "vitest";
import { databaseForThisFile } from "../../../tests/support/database";
import { t0 } from "../../../tests/support/cart-fixtures";
import { staffCtx, staffMember } from "../../../tests/support/staff-fixtures";
import { isDomainError } from "../errors";
import { addTicketType } from "./add-ticket-type";
import { createExhibition } from "./create-exhibition";

const db = databaseForThisFile();
const base = { slug: "nul-room", title: "Room", summary: "Things.", description: "More.", kind: "exhibition", durationMinutes: 45 };
const fieldsOf = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.unreachable("was not refused"),
    (error: unknown) => (isDomainError(error) ? { code: error.code, fields: Object.keys((error.details?.fields as object) ?? {}) } : { code: "not a DomainError", fields: [String(error)] }),
  );

describe("text with a NUL byte, which PostgreSQL refuses in a text column", () => {
  it("is a field's invalid_request, not a database error, for an exhibition's and a ticket type's text", async () => {
    const ctx = staffCtx(db.current.db, { now: t0 }, await staffMember(db.current.db, "admin"));
    for (const field of ["title", "summary", "description"]) {
      expect(await fieldsOf(createExhibition({ ctx, input: { ...base, [field]: "a\u0000b" } }))).toEqual({ code: "invalid_request", fields: [field] });
    }
    await createExhibition({ ctx, input: base });
    const adult = { code: "adult", name: "Adult", price: { amount: 100, currency: "INR" }, consumesCapacity: true };
    expect(await fieldsOf(addTicketType({ ctx, input: { slug: "nul-room", ticketType: { ...adult, name: "a\u0000b" } } }))).toEqual({ code: "invalid_request", fields: ["name"] });
    expect(await fieldsOf(addTicketType({ ctx, input: { slug: "nul-room", ticketType: { ...adult, description: "a\u0000b" } } }))).toEqual({ code: "invalid_request", fields: ["description"] });
  });
});
