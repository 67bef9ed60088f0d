import { randomBytes, randomUUID } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import { eq } from "drizzle-orm";
import type { Executor } from "./client";
import { accounts, users } from "./schema";

export type Role = (typeof users.$inferSelect)["role"];
type NewAccount = { email: string; name: string; password: string; role: Role; now: Date };

/** A password for an account made without one (96 random bits), to be shown to its owner once. */
export const generatePassword = () => randomBytes(12).toString("base64url");

/**
 * An email-and-password account as better-auth would create it (its password hash, its
 * `credential` account row), for accounts made outside a sign-up: the demo staff and the CLI.
 * An existing email is left as it is and reported as not created.
 */
export async function createCredentialUser(db: Executor, account: NewAccount): Promise<{ id: string; created: boolean }> {
  const email = account.email.trim().toLowerCase();
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (existing) return { id: existing.id, created: false };
  const userId = randomUUID();
  const password = await hashPassword(account.password);
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(users)
      .values({ id: userId, name: account.name, email, emailVerified: true, role: account.role, createdAt: account.now, updatedAt: account.now })
      .onConflictDoNothing({ target: users.email })
      .returning({ id: users.id });
    if (!created) return { id: (await tx.select({ id: users.id }).from(users).where(eq(users.email, email)))[0]!.id, created: false };
    await tx.insert(accounts).values({ id: randomUUID(), accountId: userId, providerId: "credential", userId, password, createdAt: account.now, updatedAt: account.now });
    return { id: userId, created: true };
  });
}

export async function setRole(db: Executor, userId: string, role: Role, now: Date): Promise<void> {
  await db.update(users).set({ role, updatedAt: now }).where(eq(users.id, userId));
}
