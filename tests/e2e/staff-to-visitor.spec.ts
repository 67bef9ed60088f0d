import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { formatDay } from "@/components/format";
import { addDays } from "@/domain/calendar/venue-time";
import { signInTo, staffAccount } from "./staff-support";
import { expectNoAxeViolations, expectNoHorizontalScroll, sql, tomorrow } from "./support";

const slug = `e2e-night-maps-${randomBytes(3).toString("hex")}`;
const title = `Maps of the Night ${slug.slice(-6)}`;

// Off the site again afterwards, so the catalogue's tests and the screenshots see the demo museum.
test.afterAll(async () => {
  await sql("UPDATE exhibitions SET status = 'archived' WHERE slug = $1", [slug]);
});

test("an admin opens an exhibition with the console alone (details, a price, a schedule, publish) and a visitor books and pays for it", async ({ page, browser }) => {
  // A whole console session, a whole booking and eight axe runs: more than the default 30 s.
  test.slow();
  await page.setViewportSize({ width: 1024, height: 768 });
  await signInTo(page, "/staff/exhibitions/new", await staffAccount("admin", "Opening Admin"));

  const details = page.getByRole("form", { name: "New exhibition" });
  await details.getByLabel("Title").fill(title);
  await details.getByLabel("Address (slug)").fill(slug);
  await details.getByLabel("Summary").fill("Star charts from palm-leaf to print.");
  await details.getByLabel("Description").fill("Four centuries of maps of the night sky.");
  await details.getByLabel("Duration in minutes").fill("45");
  await expectNoAxeViolations(page);
  await details.getByRole("button", { name: "Create draft" }).click();
  await expect(page.getByTestId("exhibition-status")).toHaveText("draft");

  const price = page.getByRole("form", { name: "Add a ticket type" });
  await price.getByLabel("Code").fill("adult");
  await price.getByLabel("Name").fill("Adult");
  await price.getByLabel("Price (INR)").fill("300");
  await price.getByRole("button", { name: "Add ticket type" }).click();
  await expect(page.getByText("Added Adult at ₹300.")).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole("link", { name: "Schedule and slots" }).click();
  await expect(page.getByRole("heading", { name: "Schedule", level: 1 })).toBeVisible();
  const rule = page.getByTestId("schedule-rule").nth(0);
  for (const day of ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]) await rule.getByLabel(day).check();
  await rule.getByLabel("First start").fill("10:00");
  await rule.getByLabel("Starts before").fill("12:00");
  await rule.getByLabel("Every (minutes)").fill("60");
  await rule.getByLabel("Places a slot").fill("20");
  await expect(page.getByTestId("schedule-preview")).toContainText("2 slots: 10:00 (20), 11:00 (20)");
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Save schedule" }).click();
  await expect(page.getByTestId("schedule-saved")).toContainText(/Saved\. \d+ slots created, 0 removed/);

  await page.goto(`/staff/exhibitions/${slug}`);
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByTestId("exhibition-status")).toHaveText("published");
  await expectNoAxeViolations(page);
  await expectNoHorizontalScroll(page);

  // A visitor on a phone finds it among what's on, books two adults and pays.
  const phone = await browser.newContext({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });
  const visitor = await phone.newPage();
  await visitor.goto("/exhibitions");
  await visitor.getByRole("link", { name: title }).first().click();
  await expect(visitor.getByRole("heading", { name: title })).toBeVisible();
  const day = addDays(tomorrow(), 3);
  await visitor.goto(`/exhibitions/${slug}?date=${day}`);
  await expect(visitor.getByRole("heading", { name: `Times on ${formatDay(day, "long")}` })).toBeVisible();
  await visitor.getByRole("radio", { name: /^11:00 to/ }).check({ force: true });
  await visitor.getByRole("button", { name: "Add one Adult" }).click();
  await visitor.getByRole("button", { name: "Add one Adult" }).click();
  await visitor.getByRole("button", { name: "Add to cart" }).click();
  await expect(visitor.getByText("Added 2 tickets for 11:00 to your cart.")).toBeVisible();
  await visitor.goto("/cart");
  await visitor.getByRole("link", { name: "Checkout" }).click();
  await visitor.getByRole("link", { name: /^Continue as guest/ }).click();
  await visitor.getByLabel("Name").fill("Meera Das");
  await visitor.getByLabel("Email").fill("meera@example.org");
  await visitor.getByRole("button", { name: "Pay" }).click();
  await visitor.getByRole("button", { name: "Pay ₹600" }).click();
  await expect(visitor.getByTestId("order-status")).toHaveAttribute("data-status", "paid");
  await expect(visitor.getByTestId("ticket")).toHaveCount(2);
  await expectNoAxeViolations(visitor);
  await phone.close();

  // The admin's slots page shows the two places sold.
  await page.goto("/staff/slots");
  await page.getByLabel("Exhibition").selectOption(slug);
  await page.getByLabel("Day").fill(day);
  const [slot] = await sql<{ id: string }>(
    "SELECT s.id FROM time_slots s JOIN exhibitions e ON e.id = s.exhibition_id WHERE e.slug = $1 AND s.sold = 2",
    [slug],
  );
  await expect(page.locator(`tr[data-slot-id="${slot!.id}"]`)).toBeVisible();
  await expectNoAxeViolations(page);
});
