import { randomBytes } from "node:crypto";
import { expect, type Page } from "@playwright/test";
import { createCredentialUser } from "@/db/accounts";
import { connectDatabase } from "@/db/client";
import type { Role } from "@/domain/context";

export const STAFF_PASSWORD = "a long enough password";

/** An account of this role made straight in the e2e database, as `npm run user:create` would: its e-mail. */
export async function staffAccount(role: Role, name = `E2E ${role}`): Promise<string> {
  const email = `${role}-${randomBytes(4).toString("hex")}@museum.example`;
  const handle = connectDatabase(process.env.E2E_DATABASE_URL!, { max: 1 });
  try {
    await createCredentialUser(handle.db, { email, name, password: STAFF_PASSWORD, role, now: new Date() });
  } finally {
    await handle.close();
  }
  return email;
}

/** Fills and sends the sign-in form the page shows (a console page sends there first). */
export async function signInHere(page: Page, email: string, password = STAFF_PASSWORD): Promise<void> {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Signs in through the sign-in page and lands on `next`. */
export async function signInTo(page: Page, next: string, email: string, password = STAFF_PASSWORD): Promise<void> {
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
  await signInHere(page, email, password);
  await expect(page).toHaveURL((url) => url.pathname === next);
}
