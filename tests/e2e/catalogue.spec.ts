import { expect, test } from "@playwright/test";
import { formatDay } from "@/components/format";
import { addDays } from "@/domain/calendar/venue-time";
import { expectNoAxeViolations, expectNoHorizontalScroll, sql, tomorrow, VENUE_ZONE } from "./support";

test.describe("home", () => {
  test("lists the featured exhibitions first, in their display order", async ({ page, request }) => {
    const { exhibitions } = (await (await request.get("/api/exhibitions")).json()) as { exhibitions: { title: string; featured: boolean }[] };
    const featured = exhibitions.filter((exhibition) => exhibition.featured).map((exhibition) => exhibition.title);
    expect(featured.length).toBeGreaterThanOrEqual(3);

    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    const cards = page.getByTestId("featured-list").getByRole("heading", { level: 3 });
    await expect(cards).toHaveText(featured);
    await expect(page.getByRole("heading", { name: "Also on view" })).toBeVisible();
  });

  test("links each card to its exhibition", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("link", { name: "Beyond the Milky Way" }).click();
    await expect(page).toHaveURL(/\/exhibitions\/beyond-the-milky-way$/);
    await expect(page.getByRole("heading", { level: 1, name: "Beyond the Milky Way" })).toBeVisible();
  });
});

test.describe("an exhibition page", () => {
  // The visitor's browser is in New York; the museum's times must still read as museum time.
  test.use({ timezoneId: "America/New_York" });

  test("shows prices, and the slots of the day the visitor picks, in the venue's time zone", async ({ page }) => {
    await page.goto("/exhibitions/beyond-the-milky-way");
    await expect(page.getByRole("rowheader", { name: /Adult/ })).toBeVisible();
    await expect(page.getByRole("cell", { name: "₹250" })).toBeVisible();

    const day = tomorrow();
    await page.getByRole("link", { name: formatDay(day, "long") }).click();
    await expect(page).toHaveURL(new RegExp(`date=${day}`));
    await expect(page.getByRole("heading", { name: `Times on ${formatDay(day, "long")}` })).toBeVisible();
    await expect(page.getByRole("link", { name: formatDay(day, "long") })).toHaveAttribute("aria-current", "date");

    const slots = page.getByTestId("slot-list").getByRole("listitem");
    await expect(slots).toHaveCount(16);
    await expect(slots.first()).toContainText("10:00");
    await expect(slots.first()).toContainText("20 places left");
    await expect(slots.last()).toContainText("17:30");
  });

  test("shows sold-out and few-left slots as such", async ({ page }) => {
    const day = tomorrow();
    const [slot1100, slot1130] = await sql<{ id: string }>(
      `SELECT s.id FROM time_slots s JOIN exhibitions e ON e.id = s.exhibition_id
       WHERE e.slug = 'beyond-the-milky-way' AND (s.starts_at AT TIME ZONE $1)::date = $2::date
         AND to_char(s.starts_at AT TIME ZONE $1, 'HH24:MI') IN ('11:00', '11:30')
       ORDER BY s.starts_at`,
      [VENUE_ZONE, day],
    );
    await sql("UPDATE time_slots SET sold = capacity WHERE id = $1", [slot1100!.id]);
    await sql("UPDATE time_slots SET sold = capacity - 2 WHERE id = $1", [slot1130!.id]);

    await page.goto(`/exhibitions/beyond-the-milky-way?date=${day}`);
    await expect(page.locator(`[data-slot-id="${slot1100!.id}"]`)).toContainText("Sold out");
    await expect(page.locator(`[data-slot-id="${slot1100!.id}"]`)).toHaveAttribute("data-status", "sold_out");
    await expect(page.locator(`[data-slot-id="${slot1130!.id}"]`)).toContainText("Only 2 places left");
  });

  test("lets a visitor pick any day in the booking window with the date field", async ({ page }) => {
    const later = addDays(tomorrow(), 30);
    await page.goto("/exhibitions/chola-bronzes");
    await page.getByLabel("Another day").fill(later);
    await page.getByRole("button", { name: "Show times" }).click();
    await expect(page.getByRole("heading", { name: `Times on ${formatDay(later, "long")}` })).toBeVisible();
  });

  test("works without JavaScript", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/exhibitions/chola-bronzes");
    const day = tomorrow();
    await page.getByRole("link", { name: formatDay(day, "long") }).click();
    await expect(page.getByRole("heading", { name: `Times on ${formatDay(day, "long")}` })).toBeVisible();
    await expect(page.getByTestId("slot-list").getByRole("listitem")).toHaveCount(16);
    await context.close();
  });
});

test("an unknown exhibition shows the 404 page with status 404", async ({ page }) => {
  const response = await page.goto("/exhibitions/no-such-exhibition");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "We couldn’t find that page" })).toBeVisible();
  await page.getByRole("link", { name: "See what’s on" }).click();
  await expect(page).toHaveURL(/\/exhibitions$/);
});

test.describe("accessibility", () => {
  for (const path of ["/", "/exhibitions", "/exhibitions/beyond-the-milky-way", "/exhibitions/no-such-exhibition"]) {
    test(`axe finds no violations on ${path}`, async ({ page }) => {
      await page.goto(path);
      await expectNoAxeViolations(page);
    });
  }

  test("the first Tab reaches a skip link that moves past the header", async ({ page }) => {
    await page.goto("/exhibitions/chola-bronzes");
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Skip to content" });
    await expect(skip).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/#main$/);
  });
});

test.describe("on a 375 px phone", () => {
  test.use({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });

  for (const path of ["/", "/exhibitions", "/exhibitions/beyond-the-milky-way"]) {
    test(`${path} fits the screen and passes axe`, async ({ page }) => {
      await page.goto(path);
      await expectNoHorizontalScroll(page);
      await expectNoAxeViolations(page);
    });
  }
});
