import { expect, test, type Page } from "@playwright/test";
import { addDays } from "@/domain/calendar/venue-time";
import { adultOf, expectNoAxeViolations, slotAt, sql, tomorrow } from "../support";

const SLUG = "monsoon-rivers";

type HeldCart = { id: string; items: { id: string }[] };

/** A venue day of this test's own, far enough out that no other spec (or the other project) books it. */
const dayFor = (offset: number) => addDays(tomorrow(), offset + (test.info().project.name === "phone" ? 10 : 0));

/** Holds `quantity` adults through the API, in the page's own guest cart. */
async function holdAdults(page: Page, day: string, time: string, quantity: number): Promise<HeldCart & { slotId: string }> {
  const slotId = await slotAt(SLUG, day, time);
  const origin = `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}`;
  const answer = await page.request.post("/api/cart/items", { headers: { origin }, data: { slotId, ticketTypeId: await adultOf(SLUG), quantity } });
  expect(answer.status()).toBe(201);
  return { ...((await answer.json()) as { cart: HeldCart }).cart, slotId };
}

async function adultPrice(): Promise<number> {
  const [row] = await sql<{ price: number }>("SELECT t.price_minor / 100 AS price FROM ticket_types t JOIN exhibitions e ON e.id = t.exhibition_id WHERE e.slug = $1 AND t.code = 'adult'", [SLUG]);
  return Number(row!.price);
}

const rupees = (amount: number) => `₹${amount.toLocaleString("en-IN")}`;

/** Item 1: the unpaid order is shown, and only to the guest who placed it. */
test("back from the payment page, checkout and the cart show the unpaid order and lead back to paying it", async ({ page, browser }) => {
  await holdAdults(page, dayFor(40), "10:30", 3);
  const total = rupees(3 * (await adultPrice()));
  // "?as=guest" was the old way past the sign-in-or-guest choice; the form is now shown to guests at once.
  await page.goto("/checkout?as=guest");
  await page.getByLabel("Name").fill("Asha Rao");
  await page.getByLabel("Email").fill("asha@example.org");
  await page.getByRole("button", { name: /^Pay/ }).click();
  await expect(page).toHaveURL(/\/pay\/test\/[0-9a-f-]{36}\?key=/);
  const payUrl = page.url();

  await page.goBack();
  const notice = page.getByTestId("pending-order");
  await expect(notice).toBeVisible();
  await expect(notice).toContainText(total);
  await expect(notice.getByTestId("pending-countdown")).toHaveText(/^1[45]:\d\d$/);
  await expectNoAxeViolations(page);

  await page.goto("/cart");
  await expect(notice).toContainText(total);
  await expectNoAxeViolations(page);

  // Another visitor's cart says nothing about it.
  const stranger = await browser.newPage();
  await stranger.goto(new URL("/cart", payUrl).toString());
  await expect(stranger.getByText("Your cart is empty.")).toBeVisible();
  await expect(stranger.getByTestId("pending-order")).toHaveCount(0);
  await stranger.close();

  await notice.getByRole("link", { name: "Continue to payment" }).click();
  await expect(page).toHaveURL(payUrl);
});

/** Item 2: expiry on checkout keeps the typed details, shows a true total, and says how many ran out. */
test("when the holds run out on checkout the form keeps what was typed, the total agrees with the badge, and Hold again brings it all back", async ({ page }) => {
  const day = dayFor(41);
  const cart = await holdAdults(page, day, "11:30", 3);
  const price = await adultPrice();
  await page.goto("/checkout?as=guest");
  await page.getByLabel("Name").fill("Asha Rao");
  await page.getByLabel("Email").fill("asha@example.org");
  await page.getByLabel(/^Phone/).fill("+91 80 1234 5678");

  await sql("UPDATE cart_items SET hold_expires_at = now() - interval '1 second' WHERE cart_id = $1", [cart.id]);
  await expect(page.getByTestId("cart-line")).toHaveAttribute("data-status", "expired");
  await expect(page.getByLabel("Name")).toHaveValue("Asha Rao");
  await expect(page.getByTestId("expired-banner")).toContainText("all 3 tickets");
  await expect(page.getByTestId("cart-total")).toHaveText(rupees(3 * price));
  await expect(page.getByTestId("cart-badge")).toContainText("3");
  await expectNoAxeViolations(page);

  // A reload keeps the details too (this tab's sessionStorage, never localStorage).
  await page.reload();
  await expect(page.getByLabel("Name")).toHaveValue("Asha Rao");
  await expect(page.getByLabel("Email")).toHaveValue("asha@example.org");
  await expect(page.getByLabel(/^Phone/)).toHaveValue("+91 80 1234 5678");
  expect(await page.evaluate(() => JSON.stringify(localStorage))).not.toContain("Asha");

  await page.getByRole("button", { name: "Hold again" }).click();
  await expect(page.getByTestId("cart-line")).toHaveAttribute("data-status", "held");
  await expect(page.getByTestId("expired-banner")).toHaveCount(0);
  await expect(page.getByLabel("Name")).toHaveValue("Asha Rao");
  await expect(page.getByRole("button", { name: `Pay ${rupees(3 * price)}` })).toBeEnabled();

  // Some, not all: a second line runs out while the first is still held.
  const second = await holdAdults(page, day, "12:30", 1);
  const line = second.items.find((item) => !cart.items.some((first) => first.id === item.id))!;
  await expect(page.getByTestId("cart-line")).toHaveCount(2);
  await sql("UPDATE cart_items SET hold_expires_at = now() - interval '1 second' WHERE id = $1", [line.id]);
  await expect(page.getByTestId("expired-banner")).toContainText("1 of 4 tickets");
  await expect(page.getByTestId("cart-total")).toHaveText(rupees(4 * price));
  await expect(page.getByTestId("cart-badge")).toContainText("4");
  await expect(page.getByRole("button", { name: `Pay ${rupees(3 * price)}` })).toBeEnabled();
  await expectNoAxeViolations(page);
});

/** Item 4: React error #418 (server and browser HTML differ) came from the countdown's text. */
test("the cart and checkout pages hydrate with no mismatch on a slowed phone CPU", async ({ page }) => {
  await holdAdults(page, dayFor(42), "10:00", 2);
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(message.text());
  });
  page.on("pageerror", (error) => problems.push(error.message));
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 6 });
  // "?as=guest" took a guest past the old sign-in-or-guest step to the countdown; it is ignored now.
  for (const path of ["/cart", "/checkout?as=guest"]) {
    await page.goto(path);
    const countdown = page.getByTestId("countdown");
    await expect(countdown).toHaveText(/^\d\d:\d\d$/, { timeout: 15_000 });
    // It ticks only once hydrated and its effect runs: by then any mismatch has been reported.
    const first = await countdown.textContent();
    await expect.poll(() => countdown.textContent(), { timeout: 15_000 }).not.toBe(first);
    expect(problems.filter((problem) => /hydrat|#418|did not match/i.test(problem)), path).toEqual([]);
  }
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
  await expectNoAxeViolations(page);
});

/** Item 8: one short checkout page. */
test("checkout goes straight to the form under a compact summary, shows the amount on Pay with the terms beside it, and keeps the countdown in view", async ({ page }) => {
  await holdAdults(page, dayFor(43), "13:00", 3);
  const total = rupees(3 * (await adultPrice()));
  await page.goto("/cart");
  await page.getByRole("link", { name: "Checkout" }).click();
  await expect(page).toHaveURL(/\/checkout$/);

  const main = page.getByRole("main");
  await expect(main.getByRole("link", { name: /Continue as guest/ })).toHaveCount(0);
  const name = page.getByLabel("Name");
  await expect(name).toBeVisible();
  const box = (await name.boundingBox())!;
  expect(box.y + box.height).toBeLessThanOrEqual(page.viewportSize()!.height);
  await expect(main.getByRole("link", { name: "Sign in" })).toHaveAttribute("href", "/sign-in?next=%2Fcheckout");

  // Read-only: no steppers, no remove; "Edit" goes back to the cart.
  await expect(main.getByRole("button", { name: /^(Add one|Remove)/ })).toHaveCount(0);
  await expect(page.getByTestId("cart-total")).toHaveText(total);
  await expect(main.getByRole("link", { name: /^Edit/ })).toHaveAttribute("href", "/cart");

  await expect(page.getByRole("button", { name: `Pay ${total}` })).toBeVisible();
  const terms = main.getByRole("link", { name: /terms and refund policy/i });
  await expect(terms).toHaveAttribute("href", "/terms");
  await expectNoAxeViolations(page);

  await page.getByRole("button", { name: `Pay ${total}` }).scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await expect(page.getByTestId("hold-countdown")).toBeInViewport();

  await terms.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Terms/);
  await expect(page.getByRole("main")).toContainText(/refund/i);
  await expectNoAxeViolations(page);
});

/** Item 5, second half: the error after a failed "Pay" gets the focus and says what to fix. */
test("after a failed Pay the focus moves to the error, which names the fields or the reason", async ({ page }) => {
  const cart = await holdAdults(page, dayFor(44), "15:00", 2);
  await page.goto("/checkout?as=guest");
  await page.getByRole("button", { name: /^Pay/ }).click();
  const alert = page.getByRole("main").getByRole("alert");
  await expect(alert).toBeFocused();
  await expect(alert).toContainText("Name");
  await expect(alert).toContainText("Email");
  await expectNoAxeViolations(page);

  await page.getByLabel("Name").fill("Asha Rao");
  await page.getByLabel("Email").fill("asha@example.org");
  await sql("UPDATE time_slots SET status = 'closed' WHERE id = $1", [cart.slotId]);
  await page.getByRole("button", { name: /^Pay/ }).click();
  await expect(alert).toContainText("No longer on sale");
  await expect(alert).toBeFocused();
});

/** The cart, checkout, payment and terms pages in Hindi and Kannada. */
for (const [locale, words] of [
  ["hi", { cart: "आपकी कार्ट", checkout: "चेकआउट", pay: /का भुगतान करें$/, terms: "शर्तें और रिफ़ंड नीति" }],
  ["kn", { cart: "ನಿಮ್ಮ ಕಾರ್ಟ್", checkout: "ಚೆಕ್‌ಔಟ್", pay: /ಪಾವತಿಸಿ$/, terms: "ನಿಯಮಗಳು ಮತ್ತು ಮರುಪಾವತಿ ನೀತಿ" }],
] as const) {
  test(`the cart, checkout and terms read in ${locale}`, async ({ page }) => {
    await page.context().addCookies([{ name: "locale", value: locale, url: `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}` }]);
    await holdAdults(page, dayFor(locale === "hi" ? 45 : 46), "16:00", 1);
    await page.goto("/cart");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(words.cart);
    await expect(page.getByTestId("countdown")).toHaveText(/^\d\d:\d\d$/);
    await expectNoAxeViolations(page);
    await page.goto("/checkout");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(words.checkout);
    await expect(page.getByRole("button", { name: words.pay })).toBeEnabled();
    await expectNoAxeViolations(page);
    await page.goto("/terms");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(words.terms);
    await expectNoAxeViolations(page);
  });
}
