import { and, asc, eq, isNull } from "drizzle-orm";
import { sessions, users } from "../../db/schema";
import { withTransaction, type Ctx, type Role } from "../context";
import { DomainError } from "../errors";
import { audit } from "./audit";
import { authorize, type StaffActor } from "./authorize";
import { accountColumns, accountView, auditedAccount, type StaffAccount } from "./staff-account";

export type AccountChange = { role?: Role; disabled?: boolean };

// Account ids are UUIDs (ours) or better-auth's random strings: anything else names no account.
const ACCOUNT_ID = /^[\w-]{1,64}$/;

/**
 * Admin: gives an account another role, or disables or enables it. Disabling deletes its sessions
 * in the same transaction, so it is signed out at once. An admin cannot demote or disable
 * themselves, and the last active admin stays one (409 `last_admin`).
 */
export async function changeStaffAccount({ ctx, input }: { ctx: Ctx; input: AccountChange & { userId: string } }): Promise<{ account: StaffAccount }> {
  const actor = authorize(ctx, "admin");
  const { userId, ...change } = input;
  if (!ACCOUNT_ID.test(userId)) throw new DomainError("not_found", "There is no such account.");
  return withTransaction(ctx, async (tx) => ({ account: await applyAccountChange(tx, actor, userId, change) }));
}

/** The change itself, inside the caller's transaction (adding an account that exists comes here too). */
export async function applyAccountChange(ctx: Ctx, actor: StaffActor, userId: string, change: AccountChange): Promise<StaffAccount> {
  const removesAdmin = (from: { role: Role; disabled: boolean }, to: { role: Role; disabled: boolean }) => from.role === "admin" && !from.disabled && (to.role !== "admin" || to.disabled);
  if (userId === actor.userId && removesAdmin({ role: "admin", disabled: false }, { role: change.role ?? "admin", disabled: change.disabled ?? false })) {
    throw new DomainError("forbidden", "You cannot demote or disable your own account; another administrator can.");
  }
  // Every change takes the active admins' rows first, in id order: two admins removing each other at
  // the same moment take turns, and the second sees that it would leave none.
  const admins = await ctx.db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, "admin"), isNull(users.disabledAt)))
    .orderBy(asc(users.id))
    .for("update");
  const [row] = await ctx.db.select(accountColumns).from(users).where(eq(users.id, userId)).for("update");
  if (!row) throw new DomainError("not_found", "There is no such account.");
  const before = accountView(row);
  const after = { ...before, role: change.role ?? before.role, disabled: change.disabled ?? before.disabled };
  if (after.role === before.role && after.disabled === before.disabled) return before;
  if (removesAdmin(before, after) && !admins.some((admin) => admin.id !== userId)) {
    throw new DomainError("last_admin", "This is the last active administrator: make another account an administrator first.");
  }

  const now = ctx.now();
  await ctx.db
    .update(users)
    .set({ role: after.role, disabledAt: after.disabled ? (row.disabledAt ?? now) : null, updatedAt: now })
    .where(eq(users.id, userId));
  if (after.disabled && !before.disabled) await ctx.db.delete(sessions).where(eq(sessions.userId, userId));
  await audit(ctx, actor, { action: after.disabled !== before.disabled ? (after.disabled ? "account.disable" : "account.enable") : "account.role", entityType: "user", entityId: userId, before: auditedAccount(before), after: auditedAccount(after) });
  return after;
}
