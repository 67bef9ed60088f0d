import { expect, test } from "@playwright/test";
import { addDays } from "@/domain/calendar/venue-time";
import { paidOrder } from "./order-support";
import { signInTo, staffAccount } from "./staff-support";
import { adultOf, expectNoAxeViolations, slotAt, sql, tomorrow } from "./support";

test("an admin cuts a slot's capacity, closes one, and cancels one moving its tickets, on a 1024 px tablet", async ({ page, request, baseURL }) => {
  // A paid order, a sign-in and three axe passes: more than the default 30 s on a busy machine.
  test.slow();
  await page.setViewportSize({ width: 1024, height: 768 });
  const email = await staffAccount("admin");

  const day = addDays(tomorrow(), 45);
  const noon = await slotAt("monsoon-rivers", day, "12:00");
  const later = await slotAt("monsoon-rivers", day, "14:00");
  const order = await paidOrder(request, baseURL!, { slotId: noon, ticketTypeId: await adultOf("monsoon-rivers"), quantity: 2 });

  await signInTo(page, "/staff/slots", email);
  await expect(page.getByRole("heading", { name: "Slots", level: 1 })).toBeVisible();
  await page.getByLabel("Exhibition").selectOption("monsoon-rivers");
  await page.getByLabel("Day").fill(day);
  const row = (id: string) => page.locator(`tr[data-slot-id="${id}"]`);
  await expect(row(noon)).toBeVisible();
  await expectNoAxeViolations(page);

  // Too low: the two places sold stand in the way, and the page says so.
  await page.getByLabel("Capacity at 12:00").fill("1");
  await page.getByRole("button", { name: "Save capacity at 12:00" }).click();
  await expect(row(noon).getByRole("alert")).toContainText("Not below 2");
  await page.getByLabel("Capacity at 12:00").fill("6");
  await page.getByRole("button", { name: "Save capacity at 12:00" }).click();
  await expect(row(noon).getByRole("alert")).toHaveCount(0);
  await expect(row(noon).getByRole("cell").nth(5)).toHaveText("4");
  expect((await sql<{ capacity: number }>("SELECT capacity FROM time_slots WHERE id = $1", [noon]))[0]!.capacity).toBe(6);

  await page.getByRole("button", { name: "Close sales at 12:30" }).click();
  await expect(page.getByRole("button", { name: "Reopen sales at 12:30" })).toBeVisible();

  // The dialog closes with Escape, changing nothing.
  await page.getByRole("button", { name: "Cancel slot at 12:30" }).click();
  await expect(page.getByRole("dialog")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toHaveCount(0);

  await page.getByRole("button", { name: "Cancel slot at 12:00" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Reason (told to the buyers)").fill("The gallery's roof is being repaired");
  await expect(dialog.getByRole("option", { name: / 14:00 — \d+ left$/ }).first()).toBeAttached();
  await dialog.getByLabel("Move to", { exact: true }).selectOption(later);
  await expectNoAxeViolations(page);
  await dialog.getByRole("button", { name: "Cancel the slot" }).click();
  await expect(dialog.getByTestId("cancel-outcomes")).toHaveText(`Order ${order.number}: tickets moved`);
  await dialog.getByRole("button", { name: "Close" }).click();
  await expect(row(noon)).toContainText("cancelled");
  await expect(row(noon)).toContainText("The gallery's roof is being repaired");

  const tickets = await sql<{ status: string; slot_id: string }>("SELECT t.status, oi.slot_id FROM tickets t JOIN order_items oi ON oi.id = t.order_item_id WHERE t.order_id = $1", [order.id]);
  expect(tickets.filter((ticket) => ticket.status === "valid").map((ticket) => ticket.slot_id)).toEqual([later, later]);
});
