import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations, expectNoHorizontalScroll } from "../support";

// Issue 15, languages: the browser's language decides until the visitor chooses with the switch in
// the header; the choice is remembered (a cookie, a year), <html lang> follows, and it all works
// without JavaScript.
const HEADINGS = {
  en: "Art, science and the stars, under one roof.",
  hi: "कला, विज्ञान और सितारे — सब एक ही छत के नीचे।",
  kn: "ಕಲೆ, ವಿಜ್ಞಾನ ಮತ್ತು ನಕ್ಷತ್ರಗಳು — ಎಲ್ಲವೂ ಒಂದೇ ಸೂರಿನಡಿ.",
};
const WHATS_ON = { en: "What’s on", hi: "प्रदर्शनियाँ और शो", kn: "ಪ್ರದರ್ಶನಗಳು ಮತ್ತು ಶೋಗಳು" };

async function expectLanguage(page: Page, locale: "en" | "hi" | "kn") {
  await expect(page.locator("html")).toHaveAttribute("lang", locale);
  await expect(page.getByTestId("language-switch").locator("[aria-current=true]")).toHaveAttribute("lang", locale);
}

test.describe("a browser that asks for Hindi", () => {
  // The browser's language setting, which it sends as Accept-Language: hi-IN.
  test.use({ locale: "hi-IN" });

  test("reads the site in Hindi, switches to Kannada, and the choice is remembered across pages and sessions", async ({ page, context, browser }, testInfo) => {
    test.slow(); // three pages, each checked with axe, on a CPU shared with the server
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(HEADINGS.hi);
    await expectLanguage(page, "hi");
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);

    // Each language is named in itself, in its own language, for screen readers too.
    const switcher = page.getByTestId("language-switch");
    await expect(switcher.getByRole("button", { name: "English" })).toHaveAttribute("lang", "en");
    await expect(switcher.getByRole("button", { name: "ಕನ್ನಡ" })).toHaveAttribute("lang", "kn");

    await switcher.getByRole("button", { name: "ಕನ್ನಡ" }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(HEADINGS.kn);
    await expectLanguage(page, "kn");
    await expectNoAxeViolations(page);

    // Remembered on the next page, over the browser's Hindi.
    await page.getByRole("link", { name: WHATS_ON.kn }).first().click();
    await expect(page).toHaveURL(/\/exhibitions$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(WHATS_ON.kn);
    await expectLanguage(page, "kn");
    await expect(page).toHaveTitle(/ಪ್ರದರ್ಶನಗಳು/);
    await expectNoAxeViolations(page);

    const cookie = (await context.cookies()).find((candidate) => candidate.name === "locale");
    expect(cookie?.value).toBe("kn");
    expect(cookie!.expires * 1000 - Date.now()).toBeGreaterThan(300 * 24 * 3600 * 1000);

    // A new session with the cookie (the browser reopened) keeps Kannada.
    const { viewport, userAgent, deviceScaleFactor, isMobile, hasTouch, baseURL } = testInfo.project.use;
    const again = await browser.newContext({ viewport, userAgent, deviceScaleFactor, isMobile, hasTouch, baseURL, locale: "hi-IN" });
    await again.addCookies([cookie!]);
    const later = await again.newPage();
    await later.goto("/sign-in");
    await expectLanguage(later, "kn");
    await expect(later.getByRole("heading", { level: 1 })).toHaveText("ಸೈನ್ ಇನ್ ಮಾಡಿ");
    await expectNoAxeViolations(later);
    await again.close();
  });

  test("switches back to English with the keyboard alone", async ({ page }) => {
    await page.goto("/exhibitions");
    await expectLanguage(page, "hi");
    await page.getByTestId("language-switch").getByRole("button", { name: "English" }).focus();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(WHATS_ON.en);
    await expectLanguage(page, "en");
    await expect(page).toHaveURL(/\/exhibitions$/);
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false, locale: "en-IN" });

  test("the switch still changes the language and comes back to the same page", async ({ page }) => {
    await page.goto("/exhibitions?from=home");
    await expectLanguage(page, "en");
    await page.getByTestId("language-switch").getByRole("button", { name: "हिन्दी" }).click();
    await expect(page).toHaveURL(/\/exhibitions\?from=home$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(WHATS_ON.hi);
    // No axe here: it runs as a script in the page, which this browser does not run; the pages are checked above.
    await expectLanguage(page, "hi");
  });
});

test("the switch works on a waiting-list link's page too, which keeps its token out of other sites' Referer", async ({ page }) => {
  // A link that no longer holds anything still shows its page (and its header).
  await page.goto(`/waitlist/claim/${"0".repeat(64)}`);
  await expect(page.locator('meta[name="referrer"]')).toHaveAttribute("content", "same-origin");
  await page.getByTestId("language-switch").getByRole("button", { name: "ಕನ್ನಡ" }).click();
  await expect(page).toHaveURL(/\/waitlist\/claim\//);
  await expectLanguage(page, "kn");
});
