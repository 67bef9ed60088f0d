import { randomUUID } from "node:crypto";
import { verifyPassword } from "better-auth/crypto";
import { desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { accounts, auditLog, sessions, users } from "@/db/schema";
import { databaseForThisFile } from "../../../tests/support/database";
import { t0, testCtx } from "../../../tests/support/cart-fixtures";
import { staffCtx, staffMember } from "../../../tests/support/staff-fixtures";
import type { Ctx } from "../context";
import { addStaffAccount } from "./add-staff-account";
import { changeStaffAccount } from "./change-staff-account";
import { listStaffAccounts } from "./list-staff-accounts";

const db = databaseForThisFile();
const clock = { now: t0 };
const asAdmin = async () => {
  const admin = await staffMember(db.current.db, "admin");
  return { admin, ctx: staffCtx(db.current.db, clock, admin) };
};
const email = (name = "person") => `${name}-${randomUUID().slice(0, 8)}@museum.example`;
const lastAudit = async (entityId: string) => (await db.current.db.select().from(auditLog).where(eq(auditLog.entityId, entityId)).orderBy(desc(auditLog.id)))[0];
const userRow = async (id: string) => (await db.current.db.select().from(users).where(eq(users.id, id)))[0]!;
const passwordOf = async (userId: string) => (await db.current.db.select({ password: accounts.password }).from(accounts).where(eq(accounts.userId, userId)))[0]?.password;
const refusal = (promise: Promise<unknown>) => promise.then(() => undefined, (error: { code?: string }) => error.code);

async function withSessions(userId: string, count: number) {
  for (let i = 0; i < count; i++) {
    await db.current.db.insert(sessions).values({ id: randomUUID(), token: randomUUID(), userId, expiresAt: new Date(Date.now() + 86_400_000) });
  }
}
const sessionCount = async (userId: string) => (await db.current.db.select().from(sessions).where(eq(sessions.userId, userId))).length;

describe("adding a staff account", () => {
  it("creates a credential account with a password shown once, and audits it", async () => {
    const { admin, ctx } = await asAdmin();
    const address = email("door");
    const added = await addStaffAccount({ ctx, input: { email: ` ${address.toUpperCase()} `, name: "Asha Door", role: "door" } });
    expect(added).toMatchObject({ created: true, account: { email: address, name: "Asha Door", role: "door", disabled: false } });
    expect(added.temporaryPassword).toMatch(/^[\w-]{16}$/);
    expect(await verifyPassword({ hash: (await passwordOf(added.account.id))!, password: added.temporaryPassword! })).toBe(true);
    expect(await lastAudit(added.account.id)).toMatchObject({
      actorId: admin.userId,
      actorEmail: admin.email,
      action: "account.create",
      entityType: "user",
      before: null,
      after: { email: address, name: "Asha Door", role: "door", disabled: false },
    });
  });

  it("gives an existing account the role without touching its password, and says so", async () => {
    const { ctx } = await asAdmin();
    const first = await addStaffAccount({ ctx, input: { email: email("visitor"), name: "V", role: "door" } });
    await db.current.db.update(users).set({ role: "visitor" }).where(eq(users.id, first.account.id));
    const hash = await passwordOf(first.account.id);

    const again = await addStaffAccount({ ctx, input: { email: first.account.email, name: "Other name", role: "staff" } });
    expect(again).toMatchObject({ created: false, temporaryPassword: null, account: { id: first.account.id, name: "V", role: "staff" } });
    expect(await passwordOf(first.account.id)).toBe(hash);
    expect(await lastAudit(first.account.id)).toMatchObject({ action: "account.role", before: { role: "visitor" }, after: { role: "staff" } });
  });
});

describe("changing a staff account", () => {
  it("changes the role, audited before → after", async () => {
    const { ctx } = await asAdmin();
    const door = await staffMember(db.current.db, "door");
    const { account } = await changeStaffAccount({ ctx, input: { userId: door.userId, role: "staff" } });
    expect(account).toMatchObject({ role: "staff", disabled: false });
    expect((await userRow(door.userId)).role).toBe("staff");
    expect(await lastAudit(door.userId)).toMatchObject({ action: "account.role", before: { email: door.email, role: "door", disabled: false }, after: { email: door.email, role: "staff", disabled: false } });
  });

  it("disabling sets disabled_at and deletes every session of the account in the same change; enabling clears it", async () => {
    const { ctx } = await asAdmin();
    const staff = await staffMember(db.current.db, "staff");
    const bystander = await staffMember(db.current.db, "staff");
    await withSessions(staff.userId, 3);
    await withSessions(bystander.userId, 1);

    expect((await changeStaffAccount({ ctx, input: { userId: staff.userId, disabled: true } })).account.disabled).toBe(true);
    expect((await userRow(staff.userId)).disabledAt).toEqual(t0);
    expect(await sessionCount(staff.userId)).toBe(0);
    expect(await sessionCount(bystander.userId)).toBe(1);
    expect(await lastAudit(staff.userId)).toMatchObject({ action: "account.disable", before: { disabled: false }, after: { disabled: true } });

    expect((await changeStaffAccount({ ctx, input: { userId: staff.userId, disabled: false } })).account.disabled).toBe(false);
    expect((await userRow(staff.userId)).disabledAt).toBeNull();
    expect(await lastAudit(staff.userId)).toMatchObject({ action: "account.enable", before: { disabled: true }, after: { disabled: false } });
  });

  it("a disable that fails leaves the sessions and writes no audit entry", async () => {
    const { admin, ctx } = await asAdmin();
    await withSessions(admin.userId, 1);
    expect(await refusal(changeStaffAccount({ ctx, input: { userId: admin.userId, disabled: true } }))).toBe("forbidden");
    expect(await sessionCount(admin.userId)).toBe(1);
    expect(await lastAudit(admin.userId)).toBeUndefined();
  });

  it("changes nothing and audits nothing when nothing changes", async () => {
    const { ctx } = await asAdmin();
    const door = await staffMember(db.current.db, "door");
    await changeStaffAccount({ ctx, input: { userId: door.userId, role: "door", disabled: false } });
    expect(await lastAudit(door.userId)).toBeUndefined();
  });

  it("an admin may not demote or disable themselves, but may change nothing about themselves", async () => {
    const { admin, ctx } = await asAdmin();
    expect(await refusal(changeStaffAccount({ ctx, input: { userId: admin.userId, role: "staff" } }))).toBe("forbidden");
    expect(await refusal(changeStaffAccount({ ctx, input: { userId: admin.userId, disabled: true } }))).toBe("forbidden");
    expect((await userRow(admin.userId)).role).toBe("admin");
    expect((await changeStaffAccount({ ctx, input: { userId: admin.userId, role: "admin" } })).account.role).toBe("admin");
  });

  it("an unknown account is 404", async () => {
    const { ctx } = await asAdmin();
    expect(await refusal(changeStaffAccount({ ctx, input: { userId: randomUUID(), role: "door" } }))).toBe("not_found");
  });

  it("never removes the last active admin: an admin whose own account was demoted meanwhile cannot remove the other", async () => {
    const { admin: a, ctx: asA } = await asAdmin();
    const { admin: b } = await asAdmin();
    // Only these two are active admins in this test: every other admin of the file is disabled first.
    await db.current.db.update(users).set({ disabledAt: t0 }).where(eq(users.role, "admin"));
    await db.current.db.update(users).set({ disabledAt: null }).where(eq(users.id, b.userId));
    // a's session still says admin (its request began before), but the database no longer does.
    expect(await refusal(changeStaffAccount({ ctx: asA, input: { userId: b.userId, role: "door" } }))).toBe("last_admin");
    expect(await refusal(changeStaffAccount({ ctx: asA, input: { userId: b.userId, disabled: true } }))).toBe("last_admin");
    expect((await userRow(b.userId)).role).toBe("admin");
    expect(await lastAudit(b.userId)).toBeUndefined();
    void a;
  });

  it("two admins removing each other at the same moment leave one admin, never none", async () => {
    for (let round = 0; round < 5; round++) {
      await db.current.db.update(users).set({ disabledAt: t0 }).where(eq(users.role, "admin"));
      const { admin: a, ctx: asA } = await asAdmin();
      const { admin: b, ctx: asB } = await asAdmin();
      const outcomes = await Promise.all([
        refusal(changeStaffAccount({ ctx: asA, input: { userId: b.userId, role: "staff" } })),
        refusal(changeStaffAccount({ ctx: asB, input: { userId: a.userId, disabled: true } })),
      ]);
      expect(outcomes.sort()).toEqual([undefined, "last_admin"].sort());
      const active = (await db.current.db.select().from(users).where(eq(users.role, "admin"))).filter((row) => row.disabledAt === null);
      expect(active).toHaveLength(1);
    }
  });
});

describe("listing staff accounts", () => {
  it("lists door, staff and admin accounts but no visitors, and finds a visitor by the start of the e-mail", async () => {
    const { ctx } = await asAdmin();
    const door = await staffMember(db.current.db, "door");
    const visitor = email("visitor");
    await db.current.db.insert(users).values({ id: randomUUID(), name: "Visitor", email: visitor });
    const listed = (await listStaffAccounts({ ctx, input: {} })).accounts.map((account) => account.email);
    expect(listed).toContain(door.email);
    expect(listed).not.toContain(visitor);
    expect(listed).toEqual([...listed].sort());

    const found = await listStaffAccounts({ ctx, input: { q: visitor.slice(0, 16).toUpperCase() } });
    expect(found.accounts).toEqual([expect.objectContaining({ email: visitor, role: "visitor", disabled: false })]);
    for (const q of ["%", "_", "\\"]) expect((await listStaffAccounts({ ctx, input: { q } })).accounts).toEqual([]);
  });

  it("pages by e-mail with a cursor", async () => {
    const { ctx } = await asAdmin();
    for (let i = 0; i < 105; i++) await staffMember(db.current.db, "door");
    const first = await listStaffAccounts({ ctx, input: {} });
    expect(first.accounts).toHaveLength(100);
    expect(first.nextCursor).toBe(first.accounts.at(-1)!.email);
    const second = await listStaffAccounts({ ctx, input: { cursor: first.nextCursor! } });
    expect(second.accounts.length).toBeGreaterThanOrEqual(5);
    expect(second.accounts[0]!.email > first.nextCursor!).toBe(true);
    expect(second.nextCursor).toBeNull();
  });
});

describe("who may manage staff accounts", () => {
  const verbs = (ctx: Ctx, target: string) => [
    listStaffAccounts({ ctx, input: {} }),
    addStaffAccount({ ctx, input: { email: email(), name: "X", role: "door" } }),
    changeStaffAccount({ ctx, input: { userId: target, role: "admin" } }),
  ];

  it("only admins: 401 for nobody, 403 for door, staff and visitor, and nothing changes", async () => {
    const target = await staffMember(db.current.db, "door");
    for (const role of ["door", "staff"] as const) {
      const ctx = staffCtx(db.current.db, clock, await staffMember(db.current.db, role));
      for (const outcome of await Promise.all(verbs(ctx, target.userId).map(refusal))) expect(outcome).toBe("forbidden");
    }
    const visitor: Ctx = { ...testCtx(db.current.db, clock), actor: { kind: "user", userId: randomUUID(), email: "v@example.org", role: "visitor" } };
    for (const outcome of await Promise.all(verbs(visitor, target.userId).map(refusal))) expect(outcome).toBe("forbidden");
    for (const outcome of await Promise.all(verbs(testCtx(db.current.db, clock), target.userId).map(refusal))) expect(outcome).toBe("unauthenticated");
    expect((await userRow(target.userId)).role).toBe("door");
  });
});
