import path from "node:path";
import { expect, test } from "@playwright/test";
import { paidOrder } from "./order-support";
import { signInTo, staffAccount } from "./staff-support";
import { adultOf, expectNoAxeViolations, expectNoHorizontalScroll, sql } from "./support";

const shots = (name: string) => path.resolve("docs/screenshots", `staff-desk-${name}-tablet.png`);

test.use({ viewport: { width: 1024, height: 768 } });

test("the desk finds a paid order by the buyer's name and refunds one of its tickets, on a 1024 px tablet; both pages pass axe", async ({ page, request, baseURL }) => {
  // A paid order, a sign-in, four axe passes and two full-page screenshots.
  test.slow();
  const surname = `Deskworth${Date.now().toString(36)}`;
  // A slot nobody else's spec books: weeks ahead, between the days the slots and screenshot specs use.
  const [{ id: slotId }] = (await sql<{ id: string }>(
    `SELECT s.id FROM time_slots s JOIN exhibitions e ON e.id = s.exhibition_id
     WHERE e.slug = 'monsoon-rivers' AND s.starts_at > now() + interval '48 days' AND s.starts_at < now() + interval '51 days' AND s.held = 0 AND s.sold = 0
     ORDER BY s.starts_at LIMIT 1`,
  )) as [{ id: string }];
  const order = await paidOrder(request, baseURL!, { slotId, ticketTypeId: await adultOf("monsoon-rivers"), quantity: 3 }, { name: `Meera ${surname}`, email: `meera.${surname.toLowerCase()}@example.org` });

  await signInTo(page, "/staff/orders", await staffAccount("staff"));
  await expect(page.getByRole("heading", { name: "Orders", level: 1 })).toBeVisible();
  await page.getByLabel("Search", { exact: true }).fill(surname.slice(2).toUpperCase());
  await page.getByRole("button", { name: "Search" }).click();
  const hits = page.getByTestId("order-hit");
  await expect(hits).toHaveCount(1);
  await expect(hits.first()).toContainText(order.number);
  await expect(hits.first()).toContainText("Paid");
  await expectNoAxeViolations(page);
  await expectNoHorizontalScroll(page);

  // The newest orders, unfiltered, for the README's picture.
  await page.getByLabel("Search", { exact: true }).fill("");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(hits.first()).toBeVisible();
  await page.screenshot({ path: shots("search"), fullPage: true });
  await page.getByLabel("Search", { exact: true }).fill(order.number);
  await page.getByRole("button", { name: "Search" }).click();
  await hits.first().getByRole("link", { name: order.number }).click();

  await expect(page.getByRole("heading", { name: `Order ${order.number}`, level: 1 })).toBeVisible();
  const tickets = page.getByTestId("desk-tickets");
  const [first] = await sql<{ code: string }>("SELECT code FROM tickets WHERE order_id = $1 ORDER BY created_at, code LIMIT 1", [order.id]);
  await tickets.getByLabel(`Choose ticket ${first!.code}`).check();
  await page.getByRole("button", { name: "Refund 1 chosen" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByRole("heading", { name: `Refund 1 ticket of order ${order.number}` })).toBeVisible();
  await dialog.getByLabel("Reason (kept with the refund)").fill("Fell ill; refunded at the desk");
  await expectNoAxeViolations(page);
  await dialog.getByRole("button", { name: "Refund", exact: true }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole("status").filter({ hasText: "Refunded 1 ticket" })).toBeVisible();
  await expect(tickets.getByRole("row").filter({ hasText: first!.code })).toContainText("Void (refunded)");
  await expect(page.getByTestId("desk-refunds")).toContainText("Fell ill; refunded at the desk");
  await expect(page.getByTestId("desk-audit")).toContainText("order.refund");
  await expectNoAxeViolations(page);
  await expectNoHorizontalScroll(page);
  await page.screenshot({ path: shots("order"), fullPage: true });

  const rows = await sql<{ status: string }>("SELECT status FROM tickets WHERE order_id = $1 ORDER BY status", [order.id]);
  expect(rows.map((row) => row.status)).toEqual(["valid", "valid", "void"]);
  expect(await sql("SELECT 1 FROM outbox WHERE order_id = $1 AND kind = 'desk_refund_mail'", [order.id])).toHaveLength(1);
});
