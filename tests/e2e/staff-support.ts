import { randomBytes } from "node:crypto";
import { expect, type Locator, type Page } from "@playwright/test";
import { createCredentialUser, type Role } from "@/db/accounts";
import { connectDatabase } from "@/db/client";
import { expectNoAxeViolations, sql } from "./support";

export const STAFF_PASSWORD = "a long enough password";

/** A staff account made straight in the e2e database, as `npm run user:create` makes the first admin; its e-mail. */
export async function staffAccount(role: Exclude<Role, "visitor">) {
  const email = `${role}-${randomBytes(4).toString("hex")}@museum.example`;
  const handle = connectDatabase(process.env.E2E_DATABASE_URL!, { max: 1 });
  try {
    await createCredentialUser(handle.db, { email, name: `E2E ${role}`, password: STAFF_PASSWORD, role, now: new Date() });
  } finally {
    await handle.close();
  }
  return email;
}

/** Opens a console page signed out, signs in on the page it is sent to, and lands back on it. */
export async function signInTo(page: Page, path: string, email: string, password = STAFF_PASSWORD) {
  await page.goto(path);
  await expect(page).toHaveURL(endsWith(`/sign-in?next=${encodeURIComponent(path)}`));
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(endsWith(path));
}

const endsWith = (text: string) => new RegExp(`${text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`);

/** The console's admin pages, and an API route behind each, that only an admin may use. */
const ADMIN_PAGES = ["/staff/exhibitions", "/staff/exhibitions/monsoon-rivers/schedule", "/staff/slots", "/staff/users", "/staff/audit"];
const ADMIN_READS = ["/api/staff/exhibitions", "/api/staff/exhibitions/monsoon-rivers/schedule", "/api/staff/users", "/api/staff/audit"];

/** Every admin page shows the refusal (403) and every admin read answers 403 `forbidden`, to this browser's session. */
export async function expectRefusedAdminPages(page: Page) {
  for (const path of ADMIN_PAGES) {
    await page.goto(path);
    await expect(page.getByTestId("staff-refused")).toContainText("403");
    await expect(page.getByRole("heading", { name: "This page is for administrators" })).toBeVisible();
  }
  for (const path of ADMIN_READS) {
    const response = await page.request.get(path);
    expect(response.status(), path).toBe(403);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("forbidden");
  }
}

/** An exhibition of its own (an Adult type at ₹300, no schedule, no slots yet), so that no other test's slots change; its slug. */
export async function ownExhibition(prefix: string, status: "draft" | "published") {
  const slug = `${prefix}-${randomBytes(3).toString("hex")}`;
  const [row] = await sql<{ id: string }>(
    `INSERT INTO exhibitions (slug, kind, status, title, summary, description, image_url, duration_minutes)
     VALUES ($1, 'exhibition', $2, $3, 'A test of schedules.', 'First paragraph.', '/images/monsoon-rivers.svg', 60) RETURNING id`,
    [slug, status, `Scheduled ${slug}`],
  );
  await sql("INSERT INTO ticket_types (exhibition_id, code, name, price_minor) VALUES ($1, 'adult', 'Adult', 30000)", [row!.id]);
  return slug;
}

/** From the exhibitions list, the "New exhibition" form filled and sent (axe on the form); lands on the draft's page. */
export async function createDraftInConsole(page: Page, draft: { title: string; slug: string; summary: string; description: string; minutes: number }) {
  await page.getByRole("link", { name: "New exhibition" }).click();
  await expect(page.getByRole("heading", { name: "New exhibition" })).toBeVisible();
  await expectNoAxeViolations(page);
  const details = page.getByRole("form", { name: "New exhibition" });
  await details.getByLabel("Title").fill(draft.title);
  await details.getByLabel("Address (slug)").fill(draft.slug);
  await details.getByLabel("Summary").fill(draft.summary);
  await details.getByLabel("Description").fill(draft.description);
  await details.getByLabel("Duration in minutes").fill(String(draft.minutes));
  await details.getByRole("button", { name: "Create draft" }).click();
  await expect(page).toHaveURL(new RegExp(`/staff/exhibitions/${draft.slug}$`));
}

/** One weekly rule's times and places typed into its row of the schedule editor (its weekdays are left as they are). */
export async function fillRule(rule: Locator, times: { from: string; until: string; every: number; places: number }) {
  await rule.getByLabel("First start").fill(times.from);
  await rule.getByLabel("Starts before").fill(times.until);
  await rule.getByLabel("Every (minutes)").fill(String(times.every));
  await rule.getByLabel("Places a slot").fill(String(times.places));
}
