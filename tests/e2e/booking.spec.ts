import { expect, test, type Page } from "@playwright/test";
import { formatDay } from "@/components/format";
import { addDays } from "@/domain/calendar/venue-time";
import { adultOf, expectNoAxeViolations, expectNoHorizontalScroll, slotAt, sql, tomorrow } from "./support";

const openDay = async (page: Page, slug: string, day: string) => {
  await page.goto(`/exhibitions/${slug}?date=${day}`);
  await expect(page.getByRole("heading", { name: `Times on ${formatDay(day, "long")}` })).toBeVisible();
};

test("a guest books 2 adults and 1 child for tomorrow 11:00, sees them held in the cart, and they survive a reload", async ({ page }) => {
  const day = tomorrow();
  await openDay(page, "monsoon-rivers", day);
  await page.getByRole("radio", { name: /^11:00 to 11:30/ }).check({ force: true });
  await page.getByRole("button", { name: "Add one Adult" }).click();
  await page.getByRole("button", { name: "Add one Adult" }).click();
  await page.getByRole("button", { name: "Add one Child" }).click();
  await expect(page.getByTestId("running-total")).toHaveText("₹960");
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByText("Added 3 tickets for 11:00 to your cart.")).toBeVisible();
  await expect(page.getByTestId("cart-badge")).toContainText("3");

  await page.getByRole("link", { name: "Go to cart" }).click();
  await expect(page.getByRole("heading", { name: "Your cart" })).toBeVisible();
  await expect(page.getByTestId("cart-line")).toHaveCount(2);
  await expect(page.getByTestId("cart-total")).toHaveText("₹960");
  await expect(page.getByTestId("countdown")).toHaveText(/^1[45]:\d\d$/);

  await page.reload();
  await expect(page.getByTestId("cart-line")).toHaveCount(2);
  await expect(page.getByTestId("cart-badge")).toContainText("3");
  await expectNoAxeViolations(page);
});

test("another visitor's page shows the places left drop without reloading", async ({ page, browser }) => {
  const day = addDays(tomorrow(), 2);
  const slotId = await slotAt("chola-bronzes", day, "12:00");
  await openDay(page, "chola-bronzes", day);
  const label = page.locator(`[data-slot-id="${slotId}"]`);
  await expect(label).toContainText("80 places left");

  const other = await browser.newContext();
  const response = await other.request.post("/api/cart/items", { data: { slotId, ticketTypeId: await adultOf("chola-bronzes"), quantity: 4 } });
  expect(response.status()).toBe(201);
  await expect(label).toContainText("76 places left", { timeout: 3_000 });
  await other.close();
});

test("a sold-out slot shows as sold out and cannot be chosen", async ({ page }) => {
  const day = addDays(tomorrow(), 3);
  const slotId = await slotAt("beyond-the-milky-way", day, "13:00", { sold: 20 });
  await openDay(page, "beyond-the-milky-way", day);
  await expect(page.locator(`[data-slot-id="${slotId}"]`)).toContainText("Sold out");
  await expect(page.getByRole("radio", { name: /^13:00 to 13:25/ })).toBeDisabled();
});

test("a race lost at the server shows its message and leaves nothing in the cart", async ({ page, browser }) => {
  const day = addDays(tomorrow(), 4);
  const slotId = await slotAt("beyond-the-milky-way", day, "14:00", { sold: 18 });
  // The page would otherwise hear of the rival's add at once and never let the tap happen.
  await page.route("**/api/events**", (route) => route.abort());
  await openDay(page, "beyond-the-milky-way", day);
  await page.getByRole("radio", { name: /^14:00 to 14:25/ }).check({ force: true });
  await page.getByRole("button", { name: "Add one Adult" }).click();
  await page.getByRole("button", { name: "Add one Adult" }).click();

  const rival = await browser.newContext();
  expect((await rival.request.post("/api/cart/items", { data: { slotId, ticketTypeId: await adultOf("beyond-the-milky-way"), quantity: 1 } })).status()).toBe(201);
  await rival.close();

  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "place" })).toContainText("Only 1 place left for 14:00.");
  await expect(page.getByTestId("cart-badge")).toContainText("0");
});

test("an expired line is kept, marked expired, and can be held again", async ({ page }) => {
  const day = addDays(tomorrow(), 5);
  const slotId = await slotAt("threads-of-the-silk-road", day, "15:00");
  await page.goto("/");
  expect((await page.request.post("/api/cart/items", { data: { slotId, ticketTypeId: await adultOf("threads-of-the-silk-road"), quantity: 2 } })).status()).toBe(201);
  await sql("UPDATE cart_items SET hold_expires_at = now() - interval '1 minute' WHERE slot_id = $1", [slotId]);

  await page.goto("/cart");
  await expect(page.getByTestId("cart-line")).toHaveAttribute("data-status", "expired");
  await expect(page.getByText("Expired")).toBeVisible();
  await page.getByRole("button", { name: "Hold again" }).click();
  await expect(page.getByTestId("cart-line")).toHaveAttribute("data-status", "held");
  await expect(page.getByTestId("countdown")).toBeVisible();
});

test("booking works with the keyboard alone", async ({ page }) => {
  const day = addDays(tomorrow(), 6);
  await openDay(page, "machines-that-think", day);
  const first = page.getByRole("radio", { name: /^10:00 to 10:30/ });
  await first.focus();
  await page.keyboard.press("ArrowDown");
  await expect(page.getByRole("radio", { name: /^10:30 to 11:00/ })).toBeChecked();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Add one Adult" })).toBeFocused();
  await page.keyboard.press("Enter");
  const addToCart = page.getByRole("button", { name: "Add to cart" });
  for (let presses = 0; presses < 20 && !(await addToCart.evaluate((button) => button === document.activeElement)); presses++) await page.keyboard.press("Tab");
  await expect(addToCart).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("cart-badge")).toContainText("1");
});

test.describe("on a 375 px phone", () => {
  test.use({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });

  test("the booking panel and the cart fit the screen and pass axe", async ({ page }) => {
    const day = addDays(tomorrow(), 7);
    await openDay(page, "monsoon-rivers", day);
    await page.getByRole("radio", { name: /^16:00 to 16:30/ }).check({ force: true });
    await page.getByRole("button", { name: "Add one Senior" }).click();
    await expectNoHorizontalScroll(page);
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "Add to cart" }).click();
    await expect(page.getByTestId("cart-badge")).toContainText("1");
    await page.goto("/cart");
    await expectNoHorizontalScroll(page);
    await expectNoAxeViolations(page);
  });
});

test("changing and removing in one tab shows in the visitor's other tab without reloading", async ({ context }) => {
  const day = addDays(tomorrow(), 8);
  const slotId = await slotAt("machines-that-think", day, "12:30");
  const first = await context.newPage();
  await first.goto("/");
  expect((await first.request.post("/api/cart/items", { data: { slotId, ticketTypeId: await adultOf("machines-that-think"), quantity: 2 } })).status()).toBe(201);
  await first.goto("/cart");
  const second = await context.newPage();
  await second.goto("/cart");
  await expect(second.getByTestId("cart-total")).toHaveText("₹700");

  await first.getByRole("button", { name: /^Add one Adult/ }).click();
  await expect(first.getByTestId("cart-total")).toHaveText("₹1,050");
  await expect(second.getByTestId("cart-total")).toHaveText("₹1,050");
  await expect(second.getByTestId("cart-badge")).toContainText("3");

  await second.getByRole("button", { name: /^Remove Adult/ }).click();
  await expect(second.getByText("Your cart is empty.")).toBeVisible();
  await expect(first.getByText("Your cart is empty.")).toBeVisible();
  await expect(first.getByTestId("cart-badge")).toContainText("0");
});

test("an add shows in the cart at once, before the server has answered", async ({ page }) => {
  const day = addDays(tomorrow(), 14);
  await openDay(page, "chola-bronzes", day);
  let answer!: () => void;
  const answered = new Promise<void>((resolve) => (answer = resolve));
  await page.route("**/api/cart/items", async (route) => {
    await answered;
    await route.continue();
  });
  await page.getByRole("radio", { name: /^12:30 to 13:00/ }).check({ force: true });
  await page.getByRole("button", { name: "Add one Student" }).click();
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByTestId("cart-badge")).toContainText("1");
  await expect(page.getByRole("button", { name: "Adding…" })).toBeVisible();
  answer();
  await expect(page.getByText("Added 1 ticket for 12:30 to your cart.")).toBeVisible();
  await expect(page.getByTestId("cart-badge")).toContainText("1");
});
