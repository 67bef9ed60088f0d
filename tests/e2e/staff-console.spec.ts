import { randomUUID } from "node:crypto";
import { expect, test, type Browser } from "@playwright/test";
import { expectRefusedAdminPages, signInTo, STAFF_PASSWORD, staffAccount } from "./staff-support";
import { expectNoAxeViolations, expectNoHorizontalScroll } from "./support";

// The console on a 1024 px tablet: an admin gives a colleague door access, the door account sees
// only the door's part of the console, and neither it nor a visitor gets into the admin pages.
test.use({ viewport: { width: 1024, height: 768 } });

async function newPage(browser: Browser) {
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
  return context.newPage();
}

test("an admin adds a door account; the door user sees only the door's console and is refused the admin pages and their API; the pages pass axe", async ({ page, browser }) => {
  // Two browsers, six axe runs: more than the default 30 s on a busy machine.
  test.setTimeout(120_000);
  const admin = await staffAccount("admin");
  await signInTo(page, "/staff", admin);
  const nav = page.getByRole("navigation", { name: "Staff console" });
  await expect(nav.getByRole("link")).toHaveText(["Today", "Door", "Day board", "Orders", "Box office", "Reports", "Exhibitions", "Slots", "Staff accounts", "Audit log"]);
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
  await signInTo(doorPage, "/staff", door, temporary);
  await expect(doorPage.getByTestId("staff-link")).toBeVisible();
  await expect(doorPage.getByRole("navigation", { name: "Staff console" }).getByRole("link")).toHaveText(["Today", "Door", "Day board"]);
  await expect(doorPage.getByRole("heading", { name: "Staff console" })).toBeVisible();
  await expectNoAxeViolations(doorPage);
  await expectRefusedAdminPages(doorPage);
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
  // Other specs write to the same log in parallel: the door account's entries, newest first.
  const ofDoor = page.getByTestId("audit-entry").filter({ hasText: `user ${door}` });
  const newest = ofDoor.first();
  await expect(newest).toContainText("account.disable");
  await expect(newest).toContainText(admin);
  await expect(newest).toContainText("disabled: false → true");
  await expect(ofDoor.nth(1)).toContainText("account.create");
  await expectNoAxeViolations(page);
  await expectNoHorizontalScroll(page);
  await newest.getByRole("link", { name: `user ${door}` }).click();
  await expect(page.getByTestId("audit-entry")).toHaveCount(2);
  await expect(page.getByLabel("Entity type")).toHaveValue("user");
});

test("a visitor sees no Staff link and is refused the console and its API", async ({ page }) => {
  const email = `visitor-${randomUUID().slice(0, 8)}@example.org`;
  expect((await page.request.post("/api/auth/sign-up/email", { data: { name: "Visitor", email, password: STAFF_PASSWORD } })).status()).toBe(200);
  await page.goto("/");
  await expect(page.getByTestId("account-link")).toHaveText("Account");
  await expect(page.getByTestId("staff-link")).toHaveCount(0);
  await page.goto("/staff");
  await expect(page.getByTestId("staff-refused")).toContainText("403");
  await expect(page.getByRole("navigation", { name: "Staff console" })).toHaveCount(0);
  await expectRefusedAdminPages(page);
  await expect(page.getByRole("navigation", { name: "Staff console" })).toHaveCount(0);
  await expectNoAxeViolations(page);
});
