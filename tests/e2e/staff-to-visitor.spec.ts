import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { formatDay } from "@/components/format";
import { addDays } from "@/domain/calendar/venue-time";
import { createDraftInConsole, fillRule, signInTo, staffAccount } from "./staff-support";
import { expectNoAxeViolations, expectNoHorizontalScroll, sql, tomorrow } from "./support";

// Issue 12's bar: an exhibition goes from nothing to a visitor's tickets through the console alone.
const slug = `e2e-open-${randomBytes(3).toString("hex")}`;
const title = `Opened Here ${slug.slice(-6)}`;

// Off the home page again afterwards, for the screenshots and the catalogue's tests.
test.afterAll(async () => {
  await sql("UPDATE exhibitions SET status = 'archived' WHERE slug = $1", [slug]);
});

test("an admin opens an exhibition with a price and a schedule on a tablet, and a visitor on a phone books and pays for it", async ({ page, browser }) => {
  // Two browsers, a payment and seven axe runs: more than the default 30 s on a busy machine.
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1024, height: 768 });
  await signInTo(page, "/staff/exhibitions", await staffAccount("admin"));
  await expectNoAxeViolations(page);

  await createDraftInConsole(page, {
    title,
    slug,
    summary: "Textiles woven along the river, shown for the first time.",
    description: "Forty saris from three centuries.\n\nWith a loom at work on Sundays.",
    minutes: 60,
  });
  await expect(page.getByTestId("exhibition-status")).toHaveText("draft");

  const add = page.getByRole("form", { name: "Add a ticket type" });
  await add.getByLabel("Code").fill("adult");
  await add.getByLabel("Name").fill("Adult");
  await add.getByLabel("Price (INR)").fill("300");
  await add.getByRole("button", { name: "Add ticket type" }).click();
  await expect(page.getByText("Added Adult at ₹300.")).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole("link", { name: "Schedule and slots" }).click();
  await expect(page.getByRole("heading", { name: "Schedule", level: 1 })).toBeVisible();
  await expectNoAxeViolations(page);
  const every = page.getByTestId("schedule-rule").nth(0);
  await fillRule(every, { from: "10:00", until: "12:00", every: 60, places: 20 });
  await page.getByRole("button", { name: "Save schedule" }).click();
  await expect(page.getByTestId("schedule-saved")).toContainText(/Saved\. \d+ slots created, 0 removed/);
  await expectNoAxeViolations(page);
  await expectNoHorizontalScroll(page);

  await page.goto(`/staff/exhibitions/${slug}`);
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByTestId("exhibition-status")).toHaveText("published");
  await expectNoAxeViolations(page);

  const phone = await browser.newContext({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });
  const visitor = await phone.newPage();
  await visitor.goto("/exhibitions");
  await visitor.getByRole("link", { name: title }).first().click();
  await expect(visitor.getByRole("heading", { name: title })).toBeVisible();
  const day = addDays(tomorrow(), 1);
  await visitor.getByTestId("day-picker").getByRole("link", { name: formatDay(day, "long"), exact: true }).click();
  await expect(visitor.getByRole("heading", { name: `Times on ${formatDay(day, "long")}` })).toBeVisible();
  await expect(visitor.getByTestId("slot-list").locator("li")).toHaveText([/^10:00–11:00/, /^11:00–12:00/]);
  await visitor.getByRole("radio", { name: /^11:00 to 12:00/ }).check({ force: true });
  await visitor.getByRole("button", { name: "Add one Adult" }).click();
  await visitor.getByRole("button", { name: "Add one Adult" }).click();
  await expect(visitor.getByTestId("running-total")).toHaveText("₹600");
  await visitor.getByRole("button", { name: "Add to cart" }).click();
  await expect(visitor.getByText("Added 2 tickets for 11:00 to your cart.")).toBeVisible();

  await visitor.goto("/cart");
  await expect(visitor.getByTestId("cart-total")).toHaveText("₹600");
  await visitor.getByRole("link", { name: "Checkout" }).click();
  await visitor.getByLabel("Name").fill("Meera Pillai");
  await visitor.getByLabel("Email").fill("meera@example.org");
  await visitor.getByRole("button", { name: "Pay" }).click();
  await expect(visitor).toHaveURL(/\/pay\/test\/[0-9a-f-]{36}\?key=/);
  await visitor.getByRole("button", { name: "Pay ₹600" }).click();

  await expect(visitor).toHaveURL(/\/orders\/[0-9a-f-]{36}\?key=/);
  await expect(visitor.getByTestId("order-status")).toHaveAttribute("data-status", "paid");
  await expect(visitor.getByTestId("ticket")).toHaveCount(2);
  await expect(visitor.getByTestId("ticket").first()).toContainText(title);
  await expectNoAxeViolations(visitor);
  await phone.close();
});
