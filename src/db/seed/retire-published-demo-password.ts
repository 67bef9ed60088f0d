import { hashPassword, verifyPassword } from "better-auth/crypto";
import { and, eq } from "drizzle-orm";
import { generatePassword } from "../accounts";
import type { Database } from "../client";
import { accounts, users } from "../schema";
import { DEMO_STAFF } from "./demo-museum";

// Published in this repository's history, so whoever reads it could sign in as the demo staff of a
// database seeded before the password was generated.
const PUBLISHED_PASSWORD = "kaveri-demo-staff";

export const DEMO_PASSWORD_RETIRED = "The demo staff account still had its published password; it now has this one, shown only now";

/**
 * Replaces the demo staff account's published password with a generated one, on any database that
 * still has it (an install upgraded from before issue 11), and returns the new one to show once.
 * Runs at every start, in production too, where such an account may survive from a trial.
 */
export async function retirePublishedDemoPassword(db: Database, now: Date): Promise<{ email: string; password: string } | undefined> {
  const [row] = await db
    .select({ accountId: accounts.id, hash: accounts.password })
    .from(accounts)
    .innerJoin(users, eq(users.id, accounts.userId))
    .where(and(eq(users.email, DEMO_STAFF.email), eq(accounts.providerId, "credential")));
  if (!row?.hash || !(await verifyPassword({ hash: row.hash, password: PUBLISHED_PASSWORD }))) return undefined;
  const password = generatePassword();
  await db.update(accounts).set({ password: await hashPassword(password), updatedAt: now }).where(eq(accounts.id, row.accountId));
  return { email: DEMO_STAFF.email, password };
}
