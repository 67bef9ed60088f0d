import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { formatDay } from "@/components/format";
import { addDays } from "@/domain/calendar/venue-time";
import { adultOf, expectNoAxeViolations, slotAt, sql, today, tomorrow } from "../support";

// Both projects share one database: each takes its own days, so neither sells out the other's slots.
const dayFor = (testInfo: TestInfo, offset: number) => addDays(tomorrow(), offset + (testInfo.project.name === "phone" ? 30 : 0));

const openDay = async (page: Page, slug: string, day: string) => {
  await page.goto(`/exhibitions/${slug}?date=${day}`);
  await expect(page.getByRole("heading", { name: `Times on ${formatDay(day, "long")}` })).toBeVisible();
};

const chooseTime = (page: Page, time: RegExp) => page.getByRole("radio", { name: time }).check({ force: true });
const raise = async (page: Page, type: string, times = 1) => {
  for (let n = 0; n < times; n++) await page.getByRole("button", { name: `Add one ${type}` }).click();
};

test("item 3: a time that sells out while the visitor chooses says so at once and offers the nearest times and the waiting list", async ({ page }, testInfo) => {
  const day = dayFor(testInfo, 16);
  const slotId = await slotAt("threads-of-the-silk-road", day, "11:00");
  await slotAt("threads-of-the-silk-road", day, "10:30", { sold: 60 });
  await openDay(page, "threads-of-the-silk-road", day);
  await chooseTime(page, /^11:00 to /);
  await raise(page, "Adult", 3);
  await expect(page.getByTestId("running-total")).toHaveText("₹750");

  await sql("UPDATE time_slots SET sold = capacity WHERE id = $1", [slotId]);
  const nextSteps = page.getByTestId("next-steps");
  await expect(nextSteps).toContainText("11:00 has just sold out.");
  await expect(page.getByRole("button", { name: "Add to cart" })).toBeDisabled();
  await expect(page.getByTestId("running-total")).toHaveCount(0);
  await expect(nextSteps.getByRole("link", { name: "Join the waiting list" })).toHaveAttribute("href", `/exhibitions/threads-of-the-silk-road/waitlist/${slotId}`);
  // 10:30 is sold out too: the nearest times with room are 11:30 and 10:00.
  await expect(nextSteps.getByRole("button", { name: /^11:30/ })).toBeVisible();
  await expect(nextSteps.getByRole("button", { name: /^10:30/ })).toHaveCount(0);
  await expect(page.locator(`[data-slot-id="${slotId}"]`).getByRole("link", { name: "Join the waiting list" })).toBeVisible();
  await expectNoAxeViolations(page);

  await nextSteps.getByRole("button", { name: /^11:30/ }).click();
  await expect(page.getByRole("radio", { name: /^11:30 to / })).toBeChecked();
  await expect(page.getByRole("status", { name: "Adult: 3" })).toBeVisible();
  await expect(page.getByTestId("running-total")).toHaveText("₹750");
  await expect(page.getByRole("button", { name: "Add to cart" })).toBeEnabled();
});

test("item 3: a refusal after the tap shows the same next steps by the button, announced and focused", async ({ page, browser }, testInfo) => {
  const day = dayFor(testInfo, 17);
  const slotId = await slotAt("beyond-the-milky-way", day, "14:00", { sold: 18 });
  // The page must not hear of the rival's add before the tap: that is the race being tested.
  await page.route("**/api/events**", (route) => route.abort());
  await openDay(page, "beyond-the-milky-way", day);
  await chooseTime(page, /^14:00 to /);
  await raise(page, "Adult", 2);

  const rival = await browser.newContext();
  expect((await rival.request.post("/api/cart/items", { data: { slotId, ticketTypeId: await adultOf("beyond-the-milky-way"), quantity: 1 } })).status()).toBe(201);
  await rival.close();

  await page.getByRole("button", { name: "Add to cart" }).click();
  const alert = page.getByRole("alert").filter({ hasText: "Only 1 place left for 14:00." });
  await expect(alert).toBeVisible();
  await expect(alert).toBeFocused();
  await expect(alert.getByRole("button", { name: /^13:30/ })).toBeVisible();
  await expect(alert.getByRole("link", { name: "Join the waiting list" })).toHaveAttribute("href", `/exhibitions/beyond-the-milky-way/waitlist/${slotId}`);
  await expect(page.getByTestId("cart-badge")).toContainText("0");
  await expectNoAxeViolations(page);
});

test("item 5: the day strip is one Tab stop, arrows move along it, and focus stays by the confirmation after adding", async ({ page }, testInfo) => {
  const day = dayFor(testInfo, 18);
  await openDay(page, "machines-that-think", day);
  const chosen = page.locator('[data-testid="day-picker"] [aria-current="date"]');
  await chosen.focus();
  let presses = 0;
  const firstTime = page.getByRole("radio", { name: /^10:00 to / });
  while (presses < 10 && !(await firstTime.evaluate((input) => input === document.activeElement))) {
    await page.keyboard.press("Tab");
    presses++;
  }
  await expect(firstTime).toBeFocused();
  expect(presses).toBeLessThanOrEqual(6);

  await chosen.focus();
  await page.keyboard.press("ArrowRight");
  await expect(page.locator(`[data-testid="day-picker"] a[data-day="${addDays(day, 1)}"]`)).toBeFocused();

  await firstTime.focus();
  await page.keyboard.press("Space");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Add one Adult" })).toBeFocused();
  await page.keyboard.press("Enter");
  await page.getByRole("button", { name: "Add to cart" }).focus();
  await page.keyboard.press("Enter");
  const confirmation = page.getByTestId("booking-confirmation");
  await expect(confirmation).toContainText("Added 1 ticket for 10:00 to your cart.");
  expect(await confirmation.evaluate((element) => element.contains(document.activeElement))).toBe(true);
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Go to cart" })).toBeFocused();
  await expectNoAxeViolations(page);
});

test("item 6: the first day with something left is the default, is scrolled into view, and the date field follows the strip", async ({ page }) => {
  // Nothing is left today for this exhibition: every time of today is sold out.
  await sql(
    `UPDATE time_slots SET sold = capacity - held WHERE exhibition_id = (SELECT id FROM exhibitions WHERE slug = 'threads-of-the-silk-road')
     AND (starts_at AT TIME ZONE 'Asia/Kolkata')::date = $1::date`,
    [today()],
  );
  await page.goto("/exhibitions/threads-of-the-silk-road");
  await expect(page.getByRole("heading", { name: `Times on ${formatDay(tomorrow(), "long")}` })).toBeVisible();

  const far = addDays(tomorrow(), 40);
  await openDay(page, "threads-of-the-silk-road", far);
  const strip = page.getByTestId("day-picker");
  const chosen = strip.locator('[aria-current="date"]');
  const [stripBox, chosenBox] = [await strip.boundingBox(), await chosen.boundingBox()];
  expect(chosenBox!.x).toBeGreaterThanOrEqual(stripBox!.x);
  expect(chosenBox!.x + chosenBox!.width).toBeLessThanOrEqual(stripBox!.x + stripBox!.width + 1);
  await expect(page.getByLabel("Another day")).toHaveValue(far);

  const next = addDays(far, 1);
  await strip.locator(`a[data-day="${next}"]`).click();
  await expect(page.getByRole("heading", { name: `Times on ${formatDay(next, "long")}` })).toBeVisible();
  await expect(page.getByLabel("Another day")).toHaveValue(next);
  await expectNoAxeViolations(page);
});

test("item 7: a phone reaches the tickets from the top, sees Add after choosing a time, and a confirmation after adding", async ({ page, isMobile }, testInfo) => {
  const day = dayFor(testInfo, 19);
  await page.goto(`/exhibitions/monsoon-rivers?date=${day}`);
  if (isMobile) {
    const book = page.getByRole("link", { name: "Book tickets" });
    await expect(book).toBeInViewport();
    await book.click();
    await expect(page.getByRole("heading", { name: "Tickets", exact: true })).toBeInViewport();
  }
  await chooseTime(page, /^15:00 to /);
  await raise(page, "Adult", 2);
  const add = page.getByRole("button", { name: "Add to cart" });
  await expect(add).toBeInViewport();
  await add.click();
  const confirmation = page.getByTestId("booking-confirmation");
  await expect(confirmation).toContainText("Added 2 tickets for 15:00 to your cart.");
  await expect(confirmation).toContainText("Your cart now has 2 tickets.");
  await expect(confirmation).toBeInViewport();
  await expect(confirmation.getByRole("link", { name: "Go to cart" })).toBeInViewport();
  await expectNoAxeViolations(page);
});

test("item 9: the per-booking limit is said by the +, and a child needs an adult ticket for the same time", async ({ page }, testInfo) => {
  const day = dayFor(testInfo, 20);
  await openDay(page, "chola-bronzes", day);
  await chooseTime(page, /^12:00 to /);
  await raise(page, "Child");
  await expect(page.getByText("Child tickets need an adult ticket for the same time.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Add to cart" })).toBeDisabled();
  await raise(page, "Adult", 9);
  await expect(page.getByRole("button", { name: "Add to cart" })).toBeEnabled();
  await expect(page.getByRole("button", { name: "Add one Under 3" })).toBeDisabled();
  await expect(page.getByText("At most 10 tickets per time in one booking, free ones included.")).toBeVisible();
  await expectNoAxeViolations(page);
});

test("item 9: a child-only order is refused at checkout with companion_required", async ({ page, baseURL }, testInfo) => {
  const day = dayFor(testInfo, 21);
  const slotId = await slotAt("chola-bronzes", day, "13:00");
  const [child] = await sql<{ id: string }>("SELECT t.id FROM ticket_types t JOIN exhibitions e ON e.id = t.exhibition_id WHERE e.slug = 'chola-bronzes' AND t.code = 'child'");
  const headers = { origin: baseURL! };
  expect((await page.request.post("/api/cart/items", { headers, data: { slotId, ticketTypeId: child!.id, quantity: 2 } })).status()).toBe(201);
  const refused = await page.request.post("/api/checkout", { headers, data: { name: "Ravi Iyer", email: "ravi@example.org" } });
  expect(refused.status()).toBe(422);
  expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("companion_required");

  expect((await page.request.post("/api/cart/items", { headers, data: { slotId, ticketTypeId: await adultOf("chola-bronzes"), quantity: 1 } })).status()).toBe(201);
  expect((await page.request.post("/api/checkout", { headers, data: { name: "Ravi Iyer", email: "ravi@example.org" } })).status()).toBe(201);
});

test("item 9: My bookings lists each order's date, time, exhibition and tickets, the latest visit first", async ({ page, baseURL }, testInfo) => {
  const headers = { origin: baseURL! };
  const email = `bookings-${testInfo.project.name}-${Date.now()}@example.org`;
  expect((await page.request.post("/api/auth/sign-up/email", { headers, data: { name: "Asha Rao", email, password: "a long enough password" } })).status()).toBe(200);
  const later = dayFor(testInfo, 23);
  const sooner = dayFor(testInfo, 22);
  for (const [day, quantity] of [[later, 1], [sooner, 3]] as const) {
    const slotId = await slotAt("machines-that-think", day, "16:00");
    expect((await page.request.post("/api/cart/items", { headers, data: { slotId, ticketTypeId: await adultOf("machines-that-think"), quantity } })).status()).toBe(201);
    expect((await page.request.post("/api/checkout", { headers, data: { name: "Asha Rao", email } })).status()).toBe(201);
  }
  await page.goto("/account");
  const rows = page.getByTestId("booking");
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText(formatDay(later, "long"));
  await expect(rows.nth(0)).toContainText("16:00");
  await expect(rows.nth(0)).toContainText("Machines That Think");
  await expect(rows.nth(0)).toContainText("1 ticket");
  await expect(rows.nth(1)).toContainText(formatDay(sooner, "long"));
  await expect(rows.nth(1)).toContainText("3 tickets");
  await expectNoAxeViolations(page);
});
