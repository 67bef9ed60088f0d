import { and, asc, gt, like, ne, type SQL } from "drizzle-orm";
import { users } from "../../db/schema";
import type { Ctx } from "../context";
import { authorize } from "./authorize";
import { accountColumns, accountView, type StaffAccount } from "./staff-account";

// A museum has tens of staff and may have hundreds of thousands of visitors: the list pages, and a search is capped.
export const STAFF_PAGE = 100;
export const SEARCH_LIMIT = 20;

type Input = { q?: string; cursor?: string };

/**
 * Admin: the accounts with a staff role (door, staff, admin), by e-mail, a page at a time (the
 * cursor is the last e-mail of the page before). With `q`, any account whose e-mail starts with
 * it, visitors too, so an admin can find the one to promote.
 */
export async function listStaffAccounts({ ctx, input }: { ctx: Ctx; input: Input }): Promise<{ accounts: StaffAccount[]; nextCursor: string | null }> {
  authorize(ctx, "admin");
  const q = input.q?.trim().toLowerCase();
  if (q) {
    // LIKE 'prefix%' (served by the user_email_prefix index), with the prefix's own % _ \ taken literally.
    const prefix = `${q.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
    const rows = await ctx.db.select(accountColumns).from(users).where(like(users.email, prefix)).orderBy(asc(users.email)).limit(SEARCH_LIMIT);
    return { accounts: rows.map(accountView), nextCursor: null };
  }
  const where: SQL[] = [ne(users.role, "visitor")];
  if (input.cursor) where.push(gt(users.email, input.cursor));
  const rows = await ctx.db.select(accountColumns).from(users).where(and(...where)).orderBy(asc(users.email)).limit(STAFF_PAGE + 1);
  const page = rows.slice(0, STAFF_PAGE);
  return { accounts: page.map(accountView), nextCursor: rows.length > STAFF_PAGE ? page.at(-1)!.email : null };
}
