import { describe, expect, it } from "vitest";
import { entityLabel, fieldDiff } from "./field-diff";

describe("an audit entry's before → after, field by field", () => {
  it("shows only the fields that changed", () => {
    expect(fieldDiff({ email: "a@b.org", role: "door", disabled: false }, { email: "a@b.org", role: "staff", disabled: true })).toEqual([
      { field: "role", before: "door", after: "staff" },
      { field: "disabled", before: "false", after: "true" },
    ]);
  });

  it("shows every field of a creation or a removal, and nested values as JSON", () => {
    expect(fieldDiff(null, { title: "Monsoon", price: { amount: 100, currency: "INR" } })).toEqual([
      { field: "title", before: "—", after: "Monsoon" },
      { field: "price", before: "—", after: '{"amount":100,"currency":"INR"}' },
    ]);
    expect(fieldDiff({ capacity: 20 }, null)).toEqual([{ field: "capacity", before: "20", after: "—" }]);
    expect(fieldDiff({ closed: null }, { closed: "2026-12-25" })).toEqual([{ field: "closed", before: "none", after: "2026-12-25" }]);
  });

  it("a value that is no object is one field", () => {
    expect(fieldDiff(3, 4)).toEqual([{ field: "value", before: "3", after: "4" }]);
  });

  it("names the entity by what the entry kept of it", () => {
    expect(entityLabel({ email: "a@b.org" }, { email: "a@b.org", role: "admin" })).toBe("a@b.org");
    expect(entityLabel({ slug: "old" }, { slug: "new" })).toBe("new");
    expect(entityLabel(null, { capacity: 2 })).toBeUndefined();
  });
});
