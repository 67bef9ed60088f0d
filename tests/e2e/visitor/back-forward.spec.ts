import { expect, test as base, type Page } from "@playwright/test";
import { addDays } from "@/domain/calendar/venue-time";
import { adultOf, expectNoAxeViolations, slotAt, tomorrow } from "../support";

// Playwright starts Chromium with --disable-back-forward-cache, so Back would always load the page
// again; this spec is about that cache, so its browser keeps Chromium's default.
const test = base.extend<object, object>({
  launchOptions: [async ({ launchOptions }, use) => use({ ...launchOptions, ignoreDefaultArgs: ["--disable-back-forward-cache"] }), { scope: "worker" }],
});

const SLUG = "monsoon-rivers";

/** Every page of this tab records whether it was last shown from the back/forward cache. */
async function recordRestores(page: Page) {
  await page.addInitScript(() => {
    window.addEventListener("pageshow", (event) => document.documentElement.setAttribute("data-restored", String(event.persisted)));
  });
}

/** A mark in this document's window: it survives only if Back brings back this very document. */
const markWindow = (page: Page) => page.evaluate(() => Object.assign(window, { keptMark: true }));
// A page restored from the back/forward cache fires no load event: wait only for the navigation itself.
const goBack = (page: Page) => page.goBack({ waitUntil: "commit" });
const wasRestored = (page: Page) =>
  page.evaluate(() => ({ persisted: document.documentElement.getAttribute("data-restored"), kept: "keptMark" in window }));

test("Back to the home page and an exhibition shows them from the back/forward cache", async ({ page }) => {
  await recordRestores(page);
  await page.goto("/");
  await markWindow(page);
  const exhibition = await page.goto(`/exhibitions/${SLUG}`);
  await markWindow(page);
  await page.goto("/exhibitions");

  await goBack(page);
  await expect(page).toHaveURL(new RegExp(`/exhibitions/${SLUG}$`));
  await expect.poll(() => wasRestored(page)).toEqual({ persisted: "true", kept: true });
  await goBack(page);
  await expect(page).toHaveURL(/\/$/);
  await expect.poll(() => wasRestored(page)).toEqual({ persisted: "true", kept: true });
  await expectNoAxeViolations(page);
  // Kept by the browser alone: nothing shared may store a page that carries the visitor's cart.
  expect(exhibition?.headers()["cache-control"]).toBe("private, no-cache");
});

test("a page brought back from the cache shows the cart as it is now, not as it was when the visitor left", async ({ page }) => {
  await recordRestores(page);
  await page.goto(`/exhibitions/${SLUG}`);
  await expect(page.getByTestId("cart-badge")).toContainText("0");
  await page.goto("/exhibitions");

  // Tickets added meanwhile, as from another tab of the same browser.
  const slotId = await slotAt(SLUG, addDays(tomorrow(), 8), "11:00");
  const added = await page.request.post("/api/cart/items", { data: { slotId, ticketTypeId: await adultOf(SLUG), quantity: 2 } });
  expect(added.status()).toBe(201);

  await goBack(page);
  await expect.poll(async () => (await wasRestored(page)).persisted).toBe("true");
  await expect(page.getByTestId("cart-badge")).toContainText("2");
  await expectNoAxeViolations(page);
});
