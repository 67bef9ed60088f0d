import path from "node:path";
import { expect, test } from "@playwright/test";
import { addDays } from "@/domain/calendar/venue-time";
import { fillRule, ownExhibition, signInTo, staffAccount } from "./staff-support";
import { adultOf, slotAt, sql, tomorrow } from "./support";

// The README's console pictures, on a 1024 px tablet; every e2e run takes them again, as screenshots.spec.ts
// does for the visitor's pages. Nothing here cancels or sells a slot another spec uses: a draft exhibition of
// its own, and a seeded day no other spec books.
const shots = (name: string) => path.resolve("docs/screenshots", `staff-${name}-tablet.png`);
const drafts: string[] = [];

test.use({ viewport: { width: 1024, height: 768 } });

test.afterAll(async () => {
  if (drafts.length > 0) await sql("UPDATE exhibitions SET status = 'archived' WHERE slug = ANY($1)", [drafts]);
});

test("the console's home, schedule editor, slots day, cancel dialog, accounts and audit log", async ({ page, request, baseURL }) => {
  test.slow();
  const draft = await ownExhibition("e2e-shots", "draft");
  drafts.push(draft);
  const day = addDays(tomorrow(), 52);
  await slotAt("monsoon-rivers", day, "10:00", { sold: 24 });
  await slotAt("monsoon-rivers", day, "11:30", { sold: 9 });
  const held = await request.post("/api/cart/items", { headers: { origin: baseURL! }, data: { slotId: await slotAt("monsoon-rivers", day, "11:00"), ticketTypeId: await adultOf("monsoon-rivers"), quantity: 3 } });
  expect(held.status()).toBe(201);

  await signInTo(page, "/staff", await staffAccount("admin"));
  await expect(page.getByRole("heading", { name: "Staff console" })).toBeVisible();
  // The first screen only: the day below it lists every slot of every exhibition.
  await page.screenshot({ path: shots("home") });

  await page.goto(`/staff/exhibitions/${draft}/schedule`);
  const weekdays = page.getByTestId("schedule-rule").nth(0);
  await weekdays.getByLabel("Sat").uncheck();
  await weekdays.getByLabel("Sun").uncheck();
  await fillRule(weekdays, { from: "10:00", until: "17:00", every: 60, places: 30 });
  await page.getByRole("button", { name: "Add a rule" }).click();
  const weekends = page.getByTestId("schedule-rule").nth(1);
  await fillRule(weekends, { from: "09:00", until: "19:00", every: 60, places: 40 });
  await expect(page.getByTestId("schedule-preview")).toBeVisible();
  await page.getByRole("button", { name: "Save schedule" }).click();
  await expect(page.getByTestId("schedule-saved")).toContainText(/Saved\./);
  await page.screenshot({ path: shots("schedule"), fullPage: true });

  await page.goto("/staff/slots");
  await page.getByLabel("Exhibition").selectOption("monsoon-rivers");
  await page.getByLabel("Day").fill(day);
  await expect(page.getByTestId("slots-table")).toContainText("24");
  // Closed and reopened: two entries in the audit log below.
  await page.getByRole("button", { name: "Close sales at 15:00" }).click();
  await page.getByRole("button", { name: "Reopen sales at 15:00" }).click();
  await expect(page.getByRole("button", { name: "Close sales at 15:00" })).toBeVisible();
  await page.screenshot({ path: shots("slots"), fullPage: true });

  await page.getByRole("button", { name: "Cancel slot at 11:30" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Reason (told to the buyers)").fill("The gallery's roof is being repaired");
  await expect(dialog.getByRole("option", { name: / 14:00 — \d+ left$/ }).first()).toBeAttached();
  await page.screenshot({ path: shots("cancel") });
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);

  await page.goto("/staff/users");
  await expect(page.getByRole("heading", { name: "Staff accounts", level: 1 })).toBeVisible();
  await page.screenshot({ path: shots("users"), fullPage: true });

  await page.goto("/staff/audit");
  await expect(page.getByTestId("audit-entry").first()).toBeVisible();
  await page.screenshot({ path: shots("audit"), fullPage: true });
});
