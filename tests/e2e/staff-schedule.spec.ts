import { expect, test } from "@playwright/test";
import { addDays } from "@/domain/calendar/venue-time";
import { isoWeekday } from "@/domain/schedule/slot-times";
import { fillRule, ownExhibition, signInTo, staffAccount } from "./staff-support";
import { expectNoAxeViolations, expectNoHorizontalScroll, sql, tomorrow } from "./support";

const created: string[] = [];

// Off the home page again afterwards, for the screenshots and the catalogue's tests.
test.afterAll(async () => {
  if (created.length > 0) await sql("UPDATE exhibitions SET status = 'archived' WHERE slug = ANY($1)", [created]);
});

async function newExhibition() {
  const slug = await ownExhibition("e2e-schedule", "published");
  created.push(slug);
  return slug;
}

const nextWeekday = (weekday: number) => {
  let day = tomorrow();
  while (isoWeekday(day) !== weekday) day = addDays(day, 1);
  return day;
};

test("an admin sets weekday and longer weekend hours and a closed date on a tablet, and visitors see the new times", async ({ page, browser }) => {
  const slug = await newExhibition();
  await page.setViewportSize({ width: 1024, height: 768 });

  await signInTo(page, `/staff/exhibitions/${slug}/schedule`, await staffAccount("admin"));
  await expect(page.getByRole("heading", { name: "Schedule", level: 1 })).toBeVisible();
  await expectNoAxeViolations(page);
  await expectNoHorizontalScroll(page);

  const weekdays = page.getByTestId("schedule-rule").nth(0);
  await weekdays.getByLabel("Sat").uncheck();
  await weekdays.getByLabel("Sun").uncheck();
  await fillRule(weekdays, { from: "11:00", until: "13:00", every: 60, places: 12 });

  await page.getByRole("button", { name: "Add a rule" }).click();
  const weekends = page.getByTestId("schedule-rule").nth(1);
  await expect(weekends.getByLabel("Sat")).toBeChecked();
  await fillRule(weekends, { from: "11:00", until: "16:00", every: 60, places: 8 });

  // A mistake is named at its field, and the preview waits for it to be put right.
  await weekends.getByLabel("Starts before").fill("10:00");
  await expect(weekends.getByText("must be after from")).toBeVisible();
  await expect(page.getByTestId("schedule-preview")).toHaveCount(0);
  await weekends.getByLabel("Starts before").fill("16:00");

  const saturday = nextWeekday(6);
  const wednesday = nextWeekday(3);
  await page.getByLabel("Date to close").fill(wednesday);
  await page.getByRole("button", { name: "Close this date" }).click();
  await expect(page.getByTestId("closed-dates")).toContainText("Wednesday");
  await expect(page.getByTestId("schedule-preview")).toContainText("5 slots: 11:00 (8), 12:00 (8), 13:00 (8), 14:00 (8), 15:00 (8)");
  await expectNoAxeViolations(page);

  await page.getByRole("button", { name: "Save schedule" }).click();
  await expect(page.getByTestId("schedule-saved")).toContainText(/Saved\. \d+ slots created, 0 removed/);
  await expectNoAxeViolations(page);
  await expectNoHorizontalScroll(page);

  const visitor = await browser.newPage();
  await visitor.goto(`/exhibitions/${slug}?date=${saturday}`);
  await expect(visitor.getByTestId("slot-list").locator("li")).toHaveText([/^11:00–12:00/, /^12:00–13:00/, /^13:00–14:00/, /^14:00–15:00/, /^15:00–16:00/]);
  await visitor.goto(`/exhibitions/${slug}?date=${nextWeekday(4)}`);
  await expect(visitor.getByTestId("slot-list").locator("li")).toHaveText([/^11:00–12:00/, /^12:00–13:00/]);
  await visitor.goto(`/exhibitions/${slug}?date=${wednesday}`);
  await expect(visitor.getByText("There are no times on this day.")).toBeVisible();
  await visitor.close();
});

test("a staff account is refused the schedule page, and a visitor is sent to sign in", async ({ page }) => {
  await signInTo(page, "/staff/exhibitions/monsoon-rivers/schedule", await staffAccount("staff"));
  await expect(page.getByTestId("staff-refused")).toBeVisible();
  await expectNoAxeViolations(page);
});
