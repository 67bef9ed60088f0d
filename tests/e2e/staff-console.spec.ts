import { randomUUID } from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { createCredentialUser } from "@/db/accounts";
import { connectDatabase } from "@/db/client";
import { expectNoAxeViolations, expectNoHorizontalScroll } from "./support";

// The console on a 1024 px tablet: an admin gives a colleague door access, the door account sees
// only the door's part of the console, and neither it nor a visitor gets into the admin pages.
test.use({ viewport: { width: 1024, height: 768 } });

const PASSWORD = "a long enough password";

async function adminAccount() {
  const email = `admin-${randomUUID().slice(0, 8)}@museum.example`;
  const handle = connectDatabase(process.env.E2E_DATABASE_URL!, { max: 1 });
  try {
    await createCredentialUser(handle.db, { email, name: "Console Admin", password: PASSWORD, role: "admin", now: new Date() });
  } finally {
    await handle.close();
  }
  return email;
}

async function signIn(page: Page, next: string, email: string, password: string) {
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(new RegExp(`${next.replace(/\//g, "\\/")}$`));
}

async function newPage(browser: Browser) {
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
  return context.newPage();
}

test("an admin adds a door account; the door user sees only the door's console and is refused the admin pages; the pages pass axe", async ({ page, browser }) => {
  // Two browsers, six axe runs: more than the default 30 s on a busy machine.
  test.setTimeout(120_000);
  const admin = await adminAccount();
  await signIn(page, "/staff", admin, PASSWORD);
  const nav = page.getByRole("navigation", { name: "Staff console" });
  await expect(nav.getByRole("link")).toHaveText(["Today", "Exhibitions", "Slots", "Staff accounts", "Audit log"]);
  await expectNoAxeViolations(page);

  await nav.getByRole("link", { name: "Staff accounts" }).click();
  await expect(page.getByRole("heading", { name: "Staff accounts", level: 1 })).toBeVisible();
  await expectNoAxeViolations(page);
  await expectNoHorizontalScroll(page);

  const door = `door-${randomUUID().slice(0, 8)}@museum.example`;
  const form = page.getByRole("region", { name: "Add an account" });
  await form.getByLabel("Name").fill("Ravi Door");
  await form.getByLabel("E-mail").fill(door);
  await form.getByLabel("Role").selectOption("door");
  await form.getByRole("button", { name: "Add account" }).click();
  await expect(page.getByTestId("accounts-status")).toHaveText(`Added ${door}.`);
  const temporary = (await page.getByTestId("temporary-password-value").textContent())!;
  expect(temporary).toMatch(/^\S{16}$/);
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.getByRole("button", { name: "Copy password" }).click();
  await expect(page.getByRole("button", { name: "Copied" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(temporary);
  const row = page.locator(`[data-testid=account-row][data-email="${door}"]`);
  await expect(row.getByLabel(`Role of ${door}`)).toHaveValue("door");
  await expect(row).toContainText("Active");
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Done, hide it" }).click();
  await expect(page.getByTestId("temporary-password")).toHaveCount(0);

  const doorPage = await newPage(browser);
  await signIn(doorPage, "/staff", door, temporary);
  await expect(doorPage.getByTestId("staff-link")).toBeVisible();
  await expect(doorPage.getByRole("navigation", { name: "Staff console" }).getByRole("link")).toHaveText(["Today"]);
  await expect(doorPage.getByRole("heading", { name: "Staff console" })).toBeVisible();
  await expectNoAxeViolations(doorPage);
  for (const path of ["/staff/users", "/staff/audit"]) {
    await doorPage.goto(path);
    await expect(doorPage.getByTestId("staff-refused")).toContainText("403");
    await expect(doorPage.getByRole("heading", { name: "This page is for administrators" })).toBeVisible();
  }
  await expectNoAxeViolations(doorPage);
  await doorPage.goto("/account");
  await expect(doorPage.getByTestId("account-role")).toHaveText("Door staff");

  // The admin disables the account with a confirmation: the door user is signed out at once.
  await row.getByRole("button", { name: `Disable ${door}` }).click();
  await row.getByRole("button", { name: "Yes, disable" }).click();
  await expect(page.getByTestId("accounts-status")).toHaveText(`${door} is disabled and signed out.`);
  await expect(row).toContainText("Disabled");
  await doorPage.goto("/staff");
  await expect(doorPage).toHaveURL(/\/sign-in\?next=%2Fstaff$/);

  await page.goto("/staff/audit");
  await expect(page.getByRole("heading", { name: "Audit log" })).toBeVisible();
  const newest = page.getByTestId("audit-entry").first();
  await expect(newest).toContainText("account.disable");
  await expect(newest).toContainText(admin);
  await expect(newest).toContainText("disabled: false → true");
  await expect(page.getByTestId("audit-entry").nth(1)).toContainText("account.create");
  await expectNoAxeViolations(page);
  await expectNoHorizontalScroll(page);
  await newest.getByRole("link", { name: `user ${door}` }).click();
  await expect(page.getByTestId("audit-entry")).toHaveCount(2);
  await expect(page.getByLabel("Entity type")).toHaveValue("user");
});

test("a visitor sees no Staff link and is refused the console", async ({ page }) => {
  const email = `visitor-${randomUUID().slice(0, 8)}@example.org`;
  expect((await page.request.post("/api/auth/sign-up/email", { data: { name: "Visitor", email, password: PASSWORD } })).status()).toBe(200);
  await page.goto("/");
  await expect(page.getByTestId("account-link")).toHaveText("Account");
  await expect(page.getByTestId("staff-link")).toHaveCount(0);
  for (const path of ["/staff", "/staff/users", "/staff/audit"]) {
    await page.goto(path);
    await expect(page.getByTestId("staff-refused")).toContainText("403");
    await expect(page.getByRole("navigation", { name: "Staff console" })).toHaveCount(0);
  }
  await expectNoAxeViolations(page);
});
