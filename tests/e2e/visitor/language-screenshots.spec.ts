import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { addDays } from "@/domain/calendar/venue-time";
import { LOCALES } from "@/i18n/locales";
import { expectNoAxeViolations, tomorrow } from "../support";

/** Once the Noto faces have come (this machine has no Indic fonts), the page laid out again with them. */
async function withFonts(page: Page) {
  await page.evaluate(async () => {
    await document.fonts.ready;
    document.body.style.display = "none";
    void document.body.offsetHeight;
    document.body.style.display = "";
  });
}

// The README shows the site in its three languages, on a phone: taken again on every e2e run.
const shots = path.resolve("docs/screenshots");

for (const locale of LOCALES) {
  test(`screenshots in ${locale}: home and an exhibition`, async ({ page, context, baseURL }, testInfo) => {
    test.skip(testInfo.project.name !== "phone", "the language screenshots are of the phone layout");
    test.slow();
    await context.addCookies([{ name: "locale", value: locale, url: baseURL! }]);
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", locale);
    await expectNoAxeViolations(page);
    await withFonts(page);
    await page.screenshot({ path: path.join(shots, `lang-${locale}-home.png`) });

    await page.goto(`/exhibitions/beyond-the-milky-way?date=${addDays(tomorrow(), 9)}`);
    await expect(page.locator("html")).toHaveAttribute("lang", locale);
    await expectNoAxeViolations(page);
    await withFonts(page);
    await page.screenshot({ path: path.join(shots, `lang-${locale}-exhibition.png`) });
  });
}
