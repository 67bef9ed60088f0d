import { randomUUID } from "node:crypto";
import { createCredentialUser } from "@/db/accounts";
import type { Database } from "@/db/client";
import { users } from "@/db/schema";
import type { Ctx } from "@/domain/context";
import type { StaffActor, StaffRole } from "@/domain/staff/authorize";
import { testCtx } from "./cart-fixtures";
import type { ProductionServer } from "./production-server";

/** A staff account row (no password: domain tests act as it, they do not sign in). */
export async function staffMember(db: Database, role: StaffRole = "admin"): Promise<StaffActor> {
  const userId = randomUUID();
  const email = `${role}-${userId.slice(0, 8)}@museum.example`;
  await db.insert(users).values({ id: userId, name: `${role} ${userId.slice(0, 4)}`, email, emailVerified: true, role });
  return { kind: "user", userId, email, role };
}

/** A domain context acting as `actor`, on the test's clock. */
export function staffCtx(db: Database, clock: { now: Date }, actor: StaffActor): Ctx {
  return { ...testCtx(db, clock), actor };
}

/** A browser signed in to the shipped server as a new account of this role. */
export async function signedInStaff(server: ProductionServer, role: StaffRole | "visitor" = "admin") {
  const email = `${role}-${randomUUID().slice(0, 8)}@museum.example`;
  const password = "a long enough password";
  await createCredentialUser(server.database.db, { email, name: `Test ${role}`, password, role, now: new Date() });
  const client = server.client();
  const answer = await client.post("/api/auth/sign-in/email", { email, password });
  if (answer.status !== 200) throw new Error(`sign-in as ${role} answered ${answer.status}: ${answer.text}`);
  return Object.assign(client, { email });
}
