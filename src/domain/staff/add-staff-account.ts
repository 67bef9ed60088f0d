import { eq } from "drizzle-orm";
import { createCredentialUser, generatePassword } from "../../db/accounts";
import { users } from "../../db/schema";
import { withTransaction, type Ctx } from "../context";
import { audit } from "./audit";
import { authorize, type StaffRole } from "./authorize";
import { applyAccountChange } from "./change-staff-account";
import { accountColumns, accountView, auditedAccount, type StaffAccount } from "./staff-account";

type Input = { email: string; name: string; role: StaffRole };
export type AddedAccount = { account: StaffAccount; created: boolean; temporaryPassword: string | null };

/**
 * Admin: a new staff account with a generated password, returned here once for the admin to hand
 * over. An e-mail that already has an account keeps it and its password, and is given the role
 * (under the same rules as a change of role).
 */
export async function addStaffAccount({ ctx, input }: { ctx: Ctx; input: Input }): Promise<AddedAccount> {
  const actor = authorize(ctx, "admin");
  const email = input.email.trim().toLowerCase();
  const temporaryPassword = generatePassword();
  return withTransaction(ctx, async (tx) => {
    const made = await createCredentialUser(tx.db, { email, name: input.name, password: temporaryPassword, role: input.role, now: ctx.now() });
    if (!made.created) return { account: await applyAccountChange(tx, actor, made.id, { role: input.role }), created: false, temporaryPassword: null };
    const [row] = await tx.db.select(accountColumns).from(users).where(eq(users.id, made.id));
    const account = accountView(row!);
    await audit(tx, actor, { action: "account.create", entityType: "user", entityId: account.id, before: null, after: { ...auditedAccount(account), name: account.name } });
    return { account, created: true, temporaryPassword };
  });
}
