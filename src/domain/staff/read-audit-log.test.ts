import { describe, expect, it } from "vitest";
import { databaseForThisFile } from "../../../tests/support/database";
import { t0, testCtx } from "../../../tests/support/cart-fixtures";
import { staffCtx, staffMember } from "../../../tests/support/staff-fixtures";
import { audit } from "./audit";
import { readAuditLog } from "./read-audit-log";

const db = databaseForThisFile();
const clock = { now: t0 };
const refusal = (promise: Promise<unknown>) => promise.then(() => undefined, (error: { code?: string; details?: unknown }) => [error.code, error.details]);

describe("reading the audit log", () => {
  it("newest first, in pages of 50 with a cursor, filtered by entity type or one entity", async () => {
    const admin = await staffMember(db.current.db, "admin");
    const ctx = staffCtx(db.current.db, clock, admin);
    for (let i = 0; i < 60; i++) {
      await audit(ctx, admin, { action: "exhibition.update", entityType: i % 2 ? "exhibition" : "slot", entityId: `e${i % 3}`, before: { n: i }, after: { n: i + 1 } });
    }
    const first = await readAuditLog({ ctx, input: {} });
    expect(first.entries).toHaveLength(50);
    expect(first.entries[0]).toEqual({
      id: expect.any(String),
      at: t0.toISOString(),
      actor: { id: admin.userId, email: admin.email },
      action: "exhibition.update",
      entityType: "exhibition",
      entityId: "e2",
      before: { n: 59 },
      after: { n: 60 },
    });
    const ids = first.entries.map((entry) => Number(entry.id));
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const second = await readAuditLog({ ctx, input: { cursor: first.nextCursor! } });
    expect(second.entries).toHaveLength(10);
    expect(second.nextCursor).toBeNull();
    expect(Number(second.entries[0]!.id)).toBeLessThan(ids.at(-1)!);

    const slots = await readAuditLog({ ctx, input: { entityType: "slot" } });
    expect(slots.entries).toHaveLength(30);
    expect(slots.entries.every((entry) => entry.entityType === "slot")).toBe(true);
    const one = await readAuditLog({ ctx, input: { entityType: "exhibition", entityId: "e1" } });
    expect(one.entries.map((entry) => entry.after)).toEqual([55, 49, 43, 37, 31, 25, 19, 13, 7, 1].map((n) => ({ n: n + 1 })));
  });

  it("a cursor it did not give out, or an entity id without a type, is invalid_request naming the field", async () => {
    const ctx = staffCtx(db.current.db, clock, await staffMember(db.current.db, "admin"));
    for (const cursor of ["abc", "-1", "0", "1.5", "99999999999999999999", ""]) {
      expect(await refusal(readAuditLog({ ctx, input: { cursor } }))).toEqual(["invalid_request", { fields: { cursor: expect.any(String) } }]);
    }
    expect(await refusal(readAuditLog({ ctx, input: { entityId: "x" } }))).toEqual(["invalid_request", { fields: { entityId: expect.any(String) } }]);
  });

  it("is for admins only", async () => {
    for (const role of ["door", "staff"] as const) {
      expect((await refusal(readAuditLog({ ctx: staffCtx(db.current.db, clock, await staffMember(db.current.db, role)), input: {} })))?.[0]).toBe("forbidden");
    }
    expect((await refusal(readAuditLog({ ctx: testCtx(db.current.db, clock), input: {} })))?.[0]).toBe("unauthenticated");
  });
});
