import path from "node:path";
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, expectNoHorizontalScroll, sql } from "./support";
import { createDraftInConsole, signInTo, staffAccount } from "./staff-support";

// For the README, as screenshots.spec.ts takes the visitor's pages.
const SHOTS = path.resolve("docs/screenshots");

test.use({ viewport: { width: 1024, height: 768 } });

// Featured first on the home page while the test runs; off the site afterwards, so the visitors' screenshots show the demo museum.
// Only this worker's own: with fullyParallel another worker runs this file's other test and its afterAll, which once archived
// the gallery while this test was still looking for it on the home page.
const created: string[] = [];
test.afterAll(async () => {
  if (created.length > 0) await sql("UPDATE exhibitions SET status = 'archived' WHERE slug = ANY($1)", [created]);
});

test("an admin creates an exhibition with a ticket type, publishes it and puts it first on the home page, on a 1024 px tablet", async ({ page }) => {
  const email = await staffAccount("admin");
  const slug = `e2e-gallery-${Date.now().toString(36)}`;
  created.push(slug);
  const title = `Tablet Gallery ${Date.now().toString(36)}`;

  await signInTo(page, "/staff/exhibitions", email);
  await expect(page.getByRole("heading", { name: "Exhibitions", level: 1 })).toBeVisible();
  await expectNoAxeViolations(page);
  await expectNoHorizontalScroll(page);

  await createDraftInConsole(page, {
    title,
    slug,
    summary: "Paper maps of the night sky, from palm-leaf to print.",
    description: "Star charts from four centuries.\n\nWith a planisphere to take home.",
    minutes: 45,
  });
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
  await expect(page.getByTestId("exhibition-status")).toHaveText("draft");
  await expect(page.getByRole("link", { name: "Schedule and slots" })).toHaveAttribute("href", `/staff/exhibitions/${slug}/schedule`);

  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByText("Add a ticket type on sale before publishing")).toBeVisible();

  const add = page.getByRole("form", { name: "Add a ticket type" });
  await add.getByLabel("Code").fill("adult");
  await add.getByLabel("Name").fill("Adult");
  await add.getByLabel("Price (INR)").fill("350");
  await add.getByRole("button", { name: "Add ticket type" }).click();
  await expect(page.getByText("Added Adult at ₹350.")).toBeVisible();
  await expect(page.getByTestId("ticket-type-row")).toHaveCount(1);
  await expectNoAxeViolations(page);
  await expectNoHorizontalScroll(page);

  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByTestId("exhibition-status")).toHaveText("published");
  await page.screenshot({ path: path.join(SHOTS, "staff-exhibition-tablet.png"), fullPage: true });

  await page.getByRole("link", { name: "← Exhibitions" }).click();
  const row = page.getByTestId("staff-exhibition-row").filter({ hasText: title });
  await expect(row).toContainText("published");
  await row.getByLabel(`Featured: ${title}`).check();
  await row.getByLabel(`Display order: ${title}`).fill("-10");
  await expect(page.getByTestId("home-order").getByRole("listitem").first()).toContainText(title);
  await row.getByRole("button", { name: `Save ${title}` }).click();
  await expect(page.getByText(`Saved the showcase settings of ${title}.`)).toBeVisible();
  await expectNoAxeViolations(page);
  await page.screenshot({ path: path.join(SHOTS, "staff-exhibitions-tablet.png"), fullPage: true });

  await page.goto("/");
  await expect(page.getByRole("link", { name: title }).first()).toBeVisible();
  await page.goto(`/exhibitions/${slug}`);
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
  await expect(page.getByText("₹350").first()).toBeVisible();
});

test("a door account is refused the exhibitions console", async ({ page }) => {
  await signInTo(page, "/staff/exhibitions", await staffAccount("door"));
  await expect(page.getByTestId("staff-refused")).toBeVisible();
});
