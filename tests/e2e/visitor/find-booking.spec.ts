import { expect, test } from "@playwright/test";
import { addDays } from "@/domain/calendar/venue-time";
import { adultOf, expectNoAxeViolations, expectNoHorizontalScroll, slotAt, tomorrow } from "../support";
import { paidOrder } from "../order-support";
import { lookupMailTo, uniqueEmail } from "./visitor-orders";

test("a guest who lost the e-mail: footer link, the page, an address, and the mailed link opens the order", async ({ page, baseURL }) => {
  const email = uniqueEmail("lost");
  const slotId = await slotAt("monsoon-rivers", addDays(tomorrow(), 20), "12:00");
  const order = await paidOrder(page.request, baseURL!, { slotId, ticketTypeId: await adultOf("monsoon-rivers"), quantity: 1 }, { name: "Nandini Rao", email });

  await page.goto("/");
  await page.getByTestId("find-booking-link").click();
  await expect(page).toHaveURL(/\/find-booking$/);
  await expect(page.getByRole("heading", { level: 1, name: "Find my booking" })).toBeVisible();
  await expectNoAxeViolations(page);
  await expectNoHorizontalScroll(page);

  // A mistyped address is caught before it is sent, and said where the visitor looks.
  await page.getByLabel("E-mail address").fill("not an address");
  await page.getByRole("button", { name: "Send me the links" }).click();
  const outcome = page.getByTestId("lookup-outcome");
  await expect(outcome).toHaveText(/Enter an e-mail address/);
  await expect(outcome).toHaveAttribute("role", "alert");
  await expect(outcome).toBeFocused();

  await page.getByLabel("E-mail address").fill(email.toUpperCase());
  await page.getByRole("button", { name: "Send me the links" }).click();
  await expect(outcome).toContainText(`If there are bookings under ${email.toUpperCase()}`);
  await expect(outcome).toHaveAttribute("role", "status");
  await expectNoAxeViolations(page);

  const mail = await lookupMailTo(email);
  const link = /http:\/\/localhost:\d+(\/orders\/[0-9a-f-]{36}\?key=[\w-]+)/.exec(mail)![1]!;
  await page.context().clearCookies();
  await page.goto(link);
  await expect(page.getByText(`Order ${order.number}`, { exact: true })).toBeVisible();
  await expect(page.getByTestId("ticket")).toHaveCount(1);
});

test("an address with no bookings gets the same answer on the page", async ({ page }) => {
  await page.goto("/find-booking");
  const email = uniqueEmail("never-booked");
  await page.getByLabel("E-mail address").fill(email);
  await page.getByRole("button", { name: "Send me the links" }).click();
  await expect(page.getByTestId("lookup-outcome")).toContainText(`If there are bookings under ${email}`);
});

test("the page and its answer in Hindi", async ({ page, context, baseURL }) => {
  await context.addCookies([{ name: "locale", value: "hi", url: baseURL! }]);
  await page.goto("/find-booking");
  await expect(page.getByRole("heading", { level: 1, name: "मेरी बुकिंग खोजें" })).toBeVisible();
  await page.getByLabel("ईमेल पता").fill(uniqueEmail("hindi"));
  await page.getByRole("button", { name: "मुझे लिंक भेजें" }).click();
  await expect(page.getByTestId("lookup-outcome")).toContainText("धन्यवाद");
  await expectNoAxeViolations(page);
});
