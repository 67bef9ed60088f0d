import fs from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { addDays } from "@/domain/calendar/venue-time";
import { adultOf, expectNoAxeViolations, expectNoHorizontalScroll, slotAt, tomorrow } from "../support";
import { paidOrder } from "../order-support";
import { ticketTypeOf, uniqueEmail } from "./visitor-orders";

test("the order page: tickets by visit time, type and code, the visit's information, and a calendar file of both visits", async ({ page, baseURL }, testInfo) => {
  const slug = "monsoon-rivers";
  const day = addDays(tomorrow(), testInfo.project.name === "phone" ? 21 : 22);
  const [early, late] = [await slotAt(slug, day, "10:30"), await slotAt(slug, day, "15:00")];
  const [adult, child] = [await adultOf(slug), await ticketTypeOf(slug, "child")];
  // Bought in the opposite order to the one they are read in (the later visit first, the child before the adult), and
  // ten tickets issued in one statement: ordered by their random codes alone, they would come out in this order about once in 4,000.
  const order = await paidOrder(
    page.request,
    baseURL!,
    [
      { slotId: late, ticketTypeId: adult, quantity: 3 },
      { slotId: early, ticketTypeId: child, quantity: 3 },
      { slotId: early, ticketTypeId: adult, quantity: 4 },
    ],
    { name: "Nandini Rao", email: uniqueEmail("order-page") },
  );

  await page.goto(`/orders/${order.id}?key=${order.key}`);
  await expect(page.getByTestId("ticket")).toHaveCount(10);
  const shown = await page.getByTestId("ticket").evaluateAll((cards) =>
    cards.map((card) => ({ when: card.querySelector("[data-testid=ticket-when]")!.textContent!, type: card.querySelector("[data-testid=ticket-type]")!.textContent!, code: card.querySelector("[data-testid=ticket-code]")!.textContent! })),
  );
  const group = (ticket: (typeof shown)[number]) => `${ticket.when.slice(-5)} ${ticket.type}`;
  expect(shown.map(group)).toEqual([...Array(4).fill("10:30 Adult"), ...Array(3).fill("10:30 Child"), ...Array(3).fill("15:00 Adult")]);
  for (const [index, ticket] of shown.entries()) if (index > 0 && group(shown[index - 1]!) === group(ticket)) expect(shown[index - 1]!.code < ticket.code, `${shown[index - 1]!.code} before ${ticket.code}`).toBe(true);

  const visit = page.getByTestId("visit-info");
  await expect(visit.getByRole("heading", { name: "Your visit" })).toBeVisible();
  await expect(visit).toContainText("Kasturba Road, Bengaluru");
  // The door admits from 30 minutes before a slot until 30 minutes after it ends (CHECKIN_* defaults).
  await expect(page.getByTestId("entry-windows").getByRole("listitem")).toHaveText([/at 10:30: entry from 10:00 to \d\d:\d\d\.$/, /at 15:00: entry from 14:30 to \d\d:\d\d\.$/]);
  await expect(visit.getByRole("link", { name: "Open the map" })).toHaveAttribute("href", /^https:\/\//);
  await expect(visit).toContainText("What to bring");
  await expect(visit).toContainText("Accessibility");
  await expectNoAxeViolations(page);
  await expectNoHorizontalScroll(page);

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Add to calendar" }).click()]);
  expect(download.suggestedFilename()).toBe(`visit-${order.number}.ics`);
  const ics = (await fs.readFile((await download.path())!, "utf8")).replace(/\r\n /g, "");
  expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(2);
  expect(ics).toContain(`UID:order-${order.id}-slot-${early}@`);
  expect(ics).toContain(`UID:order-${order.id}-slot-${late}@`);
});

test("the order page in Kannada", async ({ page, context, baseURL }) => {
  const slotId = await slotAt("monsoon-rivers", addDays(tomorrow(), 23), "11:30");
  const order = await paidOrder(page.request, baseURL!, { slotId, ticketTypeId: await adultOf("monsoon-rivers"), quantity: 1 }, { name: "Nandini Rao", email: uniqueEmail("kannada") });
  await context.addCookies([{ name: "locale", value: "kn", url: baseURL! }]);
  await page.goto(`/orders/${order.id}?key=${order.key}`);
  await expect(page.getByRole("heading", { level: 1, name: "ನಿಮ್ಮ ಟಿಕೆಟ್‌ಗಳು" })).toBeVisible();
  await expect(page.getByTestId("visit-info").getByRole("heading", { name: "ನಿಮ್ಮ ಭೇಟಿ" })).toBeVisible();
  await expect(page.getByRole("link", { name: "ಕ್ಯಾಲೆಂಡರ್‌ಗೆ ಸೇರಿಸಿ" })).toBeVisible();
  await expectNoAxeViolations(page);
});
