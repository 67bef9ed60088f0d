import { expect, test } from "@playwright/test";
import { freeLoopbackPort } from "@/db/embedded/free-port";
import { addDays } from "@/domain/calendar/venue-time";
import { formatDay } from "@/components/format";
import { launchApp, type AppProcess } from "../support/app-process";
import { adultOf, slotAt, sql, tomorrow, VENUE_ZONE } from "./support";

// More servers on the e2e database, beside the one the other tests use.
const apps: AppProcess[] = [];
async function anotherServer(env: Record<string, string> = {}) {
  const app = launchApp({ DATABASE_URL: process.env.E2E_DATABASE_URL!, ...env }, await freeLoopbackPort());
  apps.push(app);
  await app.waitForLine((line) => line.includes("Serving on"));
  return app;
}
test.afterAll(async () => {
  await Promise.all(apps.map((app) => app.stop()));
});

test("a purchase through one server process reaches a page served by another", async ({ page, request }) => {
  const other = await anotherServer();
  const day = addDays(tomorrow(), 11);
  const slot = { id: await slotAt("monsoon-rivers", day, "13:30"), tt: await adultOf("monsoon-rivers") };
  await page.goto(`${other.url}/exhibitions/monsoon-rivers?date=${day}`);
  const label = page.locator(`[data-slot-id="${slot.id}"]`);
  await expect(label).toContainText("120 places left");

  expect((await request.post("/api/cart/items", { data: { slotId: slot.id, ticketTypeId: slot.tt, quantity: 5 } })).status()).toBe(201);
  await expect(label).toContainText("115 places left", { timeout: 2_000 });
});

test("a held line runs out on the page, is marked expired, and can be held again", async ({ page }) => {
  const shortHolds = await anotherServer({ HOLD_TTL_SECONDS: "3", HOLD_MAX_SECONDS: "3" });
  const day = addDays(tomorrow(), 12);
  const slot = { id: await slotAt("chola-bronzes", day, "15:30"), tt: await adultOf("chola-bronzes") };
  await page.goto(`${shortHolds.url}/`);
  expect((await page.request.post(`${shortHolds.url}/api/cart/items`, { data: { slotId: slot.id, ticketTypeId: slot.tt, quantity: 2 } })).status()).toBe(201);

  await page.goto(`${shortHolds.url}/cart`);
  await expect(page.getByTestId("cart-line")).toHaveAttribute("data-status", "held");
  await expect(page.getByTestId("hold-countdown")).toContainText("check out soon");
  // No reload: the sweeper's change arrives over the live stream.
  await expect(page.getByTestId("cart-line")).toHaveAttribute("data-status", "expired", { timeout: 12_000 });
  await page.getByRole("button", { name: "Hold again" }).click();
  await expect(page.getByTestId("cart-line")).toHaveAttribute("data-status", "held");
});

test("a day with every time sold out is marked in the day picker", async ({ page }) => {
  const day = addDays(tomorrow(), 10);
  await sql(
    `UPDATE time_slots s SET sold = s.capacity FROM exhibitions e
     WHERE e.id = s.exhibition_id AND e.slug = 'beyond-the-milky-way' AND (s.starts_at AT TIME ZONE $1)::date = $2::date`,
    [VENUE_ZONE, day],
  );
  await page.goto("/exhibitions/beyond-the-milky-way");
  const link = page.getByRole("link", { name: `${formatDay(day, "long")}, sold out` });
  await expect(link).toHaveAttribute("data-day-status", "sold_out");
  await expect(link).toContainText("Sold out");
  await expect(page.getByRole("link", { name: formatDay(addDays(day, 1), "long"), exact: true })).toHaveAttribute("data-day-status", "open");
});

test("the live stream reconnects by itself after its server restarts", async ({ page, request }) => {
  // Two servers start in this test, each waiting for its database clock and job leader.
  test.slow();
  const port = await freeLoopbackPort();
  const first = launchApp({ DATABASE_URL: process.env.E2E_DATABASE_URL! }, port);
  apps.push(first);
  await first.waitForLine((line) => line.includes("Serving on"));
  const day = addDays(tomorrow(), 13);
  const slot = { id: await slotAt("threads-of-the-silk-road", day, "11:30"), tt: await adultOf("threads-of-the-silk-road") };
  await page.goto(`${first.url}/exhibitions/threads-of-the-silk-road?date=${day}`);
  const label = page.locator(`[data-slot-id="${slot.id}"]`);
  await expect(label).toContainText("60 places left");

  expect(await first.stop()).toBe(0);
  const second = launchApp({ DATABASE_URL: process.env.E2E_DATABASE_URL! }, port);
  apps.push(second);
  await second.waitForLine((line) => line.includes("Serving on"));
  expect((await request.post("/api/cart/items", { data: { slotId: slot.id, ticketTypeId: slot.tt, quantity: 3 } })).status()).toBe(201);
  await expect(label).toContainText("57 places left", { timeout: 10_000 });
});
