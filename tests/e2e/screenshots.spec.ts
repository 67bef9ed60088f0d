import path from "node:path";
import { expect, test } from "@playwright/test";
import { addDays } from "@/domain/calendar/venue-time";
import { tomorrow } from "./support";

// The README shows these; every e2e run takes them again, so they show the product as it is.
const shots = path.resolve("docs/screenshots");

for (const device of [
  { name: "desktop", viewport: { width: 1280, height: 900 }, isMobile: false },
  { name: "phone", viewport: { width: 375, height: 812 }, isMobile: true },
]) {
  test.describe(`screenshots on ${device.name}`, () => {
    test.use({ viewport: device.viewport, isMobile: device.isMobile, hasTouch: device.isMobile });

    test("home, an exhibition with its slots, and the cart", async ({ page }) => {
      await page.goto("/");
      await page.screenshot({ path: path.join(shots, `home-${device.name}.png`), fullPage: !device.isMobile });

      await page.goto(`/exhibitions/beyond-the-milky-way?date=${addDays(tomorrow(), 9)}`);
      await page.getByRole("radio", { name: /^11:00 to 11:25/ }).check({ force: true });
      await page.getByRole("button", { name: "Add one Adult" }).click();
      await page.getByRole("button", { name: "Add one Child" }).click();
      await page.getByTestId("ticket-picker").scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(shots, `exhibition-${device.name}.png`), fullPage: !device.isMobile });

      await page.getByRole("button", { name: "Add to cart" }).click();
      await expect(page.getByText("Added 2 tickets for 11:00 to your cart.")).toBeVisible();
      await page.goto("/cart");
      await expect(page.getByTestId("countdown")).toBeVisible();
      await page.screenshot({ path: path.join(shots, `cart-${device.name}.png`), fullPage: !device.isMobile });
    });
  });
}
