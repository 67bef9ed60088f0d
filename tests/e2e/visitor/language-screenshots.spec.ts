import path from "node:path";
import { expect, test } from "@playwright/test";
import { addDays } from "@/domain/calendar/venue-time";
import { LOCALES } from "@/i18n/locales";
import { expectNoAxeViolations, tomorrow } from "../support";

// The README shows the site in its three languages, on a phone: taken again on every e2e run.
const shots = path.resolve("docs/screenshots");

for (const locale of LOCALES) {
  test(`screenshots in ${locale}: home and an exhibition`, async ({ page, context, baseURL }, testInfo) => {
    test.skip(testInfo.project.name !== "phone", "the language screenshots are of the phone layout");
    await context.addCookies([{ name: "locale", value: locale, url: baseURL! }]);
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", locale);
    await expectNoAxeViolations(page);
    await page.screenshot({ path: path.join(shots, `lang-${locale}-home.png`) });

    await page.goto(`/exhibitions/beyond-the-milky-way?date=${addDays(tomorrow(), 9)}`);
    await expect(page.locator("html")).toHaveAttribute("lang", locale);
    await expectNoAxeViolations(page);
    await page.screenshot({ path: path.join(shots, `lang-${locale}-exhibition.png`) });
  });
}
