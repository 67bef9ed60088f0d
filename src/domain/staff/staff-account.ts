import { users } from "../../db/schema";
import type { Role } from "../context";

/** An account as the console shows it: who, which role, and whether it may sign in. */
export type StaffAccount = { id: string; email: string; name: string; role: Role; disabled: boolean; createdAt: string };

export const accountColumns = { id: users.id, email: users.email, name: users.name, role: users.role, disabledAt: users.disabledAt, createdAt: users.createdAt };

type AccountRow = { id: string; email: string; name: string; role: Role; disabledAt: Date | null; createdAt: Date };

export const accountView = (row: AccountRow): StaffAccount => ({
  id: row.id,
  email: row.email,
  name: row.name,
  role: row.role,
  disabled: row.disabledAt !== null,
  createdAt: row.createdAt.toISOString(),
});

/** What the audit log keeps of an account before and after a change. */
export const auditedAccount = (account: Pick<StaffAccount, "email" | "role" | "disabled">) => ({ email: account.email, role: account.role, disabled: account.disabled });
