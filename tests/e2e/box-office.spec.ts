import path from "node:path";
import { expect, test } from "@playwright/test";
import { ownExhibition, signInTo, staffAccount } from "./staff-support";
import { expectNoAxeViolations, expectNoHorizontalScroll, sql } from "./support";

test.use({ viewport: { width: 1024, height: 768 } });

/** An exhibition of its own with two slots later today (12 places, the first with 9 left), so no other spec's counts change; its title and slot ids. */
async function counterShow() {
  const slug = await ownExhibition("box", "published");
  const soon = new Date(Date.now() + 10 * 60_000);
  const later = new Date(soon.getTime() + 30 * 60_000);
  const slots = [];
  for (const [startsAt, sold] of [[soon, 3], [later, 0]] as const) {
    const [slot] = await sql<{ id: string }>(
      "INSERT INTO time_slots (exhibition_id, starts_at, ends_at, capacity, sold) SELECT id, $2, $3, 12, $4 FROM exhibitions WHERE slug = $1 RETURNING id",
      [slug, startsAt, new Date(startsAt.getTime() + 30 * 60_000), sold],
    );
    slots.push(slot!.id);
  }
  return { title: `Scheduled ${slug}`, slots };
}

test("a box-office sale on a tablet: pick, pay cash, the order number, printable tickets, e-mailed on request, and the till updated", async ({ page }) => {
  test.slow();
  const show = await counterShow();
  await signInTo(page, "/staff/box-office", await staffAccount("staff"));
  await expect(page.getByRole("heading", { name: "Box office", level: 1 })).toBeVisible();
  await expect(page.getByTestId("till")).toContainText("No sales yet today.");

  await page.getByRole("button", { name: show.title }).click();
  const times = page.getByTestId("counter-slots").getByRole("button");
  await expect(times).toHaveCount(2);
  // The next slot with room is chosen already, its places shown.
  await expect(times.nth(0)).toHaveAttribute("aria-pressed", "true");
  await expect(times.nth(0)).toContainText("9 left");
  await page.getByRole("button", { name: "Add one Adult" }).click();
  await page.getByRole("button", { name: "Add one Adult" }).click();
  await expect(page.getByTestId("counter-total")).toHaveText("₹600");
  await expectNoAxeViolations(page);
  await expectNoHorizontalScroll(page);
  await page.screenshot({ path: path.resolve("docs/screenshots/staff-box-office-tablet.png") });

  await page.getByRole("button", { name: "Cash", exact: true }).click();
  const result = page.getByTestId("sale-result");
  await expect(result).toBeVisible();
  const number = (await result.getByTestId("sale-number").textContent())!;
  expect(number).toMatch(/^\d+$/);
  await expect(result).toContainText("2 tickets");
  await expectNoAxeViolations(page);

  const pdfLink = result.getByRole("link", { name: "Print tickets" });
  const pdf = await page.request.get((await pdfLink.getAttribute("href"))!);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect((await pdf.body()).subarray(0, 4).toString()).toBe("%PDF");
  const [{ sold }] = (await sql<{ sold: number }>("SELECT sold FROM time_slots WHERE id = $1", [show.slots[0]])) as [{ sold: number }];
  expect(sold).toBe(5);

  const cash = page.getByTestId("till").locator('tr[data-payment="cash"]');
  await expect(cash.getByRole("cell")).toHaveText(["1", "2", "₹600", "₹0", "₹600"]);

  // The visitor wants them by e-mail after all.
  await result.getByLabel("Visitor’s e-mail").fill("walk-up@example.org");
  await result.getByRole("button", { name: "E-mail tickets" }).click();
  await expect(result.getByTestId("sale-email")).toHaveText("The tickets are being e-mailed to walk-up@example.org.");

  await page.getByRole("button", { name: "Next sale" }).click();
  await expect(page.getByTestId("counter-total")).toHaveText("₹0");
  await expect(page.getByTestId("counter-slots").getByRole("button").nth(0)).toContainText("7 left");
});

test("a sale whose answer was lost, then tried again with another payment button, is sold once", async ({ page }) => {
  const show = await counterShow();
  await signInTo(page, "/staff/box-office", await staffAccount("staff"));
  await page.getByRole("button", { name: show.title }).click();
  await page.getByRole("button", { name: "Add one Adult" }).click();
  await page.getByRole("button", { name: "Add one Adult" }).click();

  // The server sells, but the tablet never hears so (a Wi-Fi drop): the seller tries the card terminal instead.
  let lose = true;
  await page.route("**/api/staff/sales", async (route) => {
    if (!lose) return route.continue();
    lose = false;
    await route.fetch();
    await route.abort("connectionreset");
  });
  await page.getByRole("button", { name: "Cash", exact: true }).click();
  await expect(page.getByTestId("counter-problem")).not.toBeEmpty();
  const retried = page.waitForResponse("**/api/staff/sales");
  await page.getByRole("button", { name: "Card terminal", exact: true }).click();
  expect((await retried).status()).toBe(409);
  await expect(page.getByTestId("counter-problem")).toContainText("An earlier try of this sale went through");

  const sold = await sql<{ orders: number; tickets: number }>(
    "SELECT count(DISTINCT o.id)::int AS orders, coalesce(sum(oi.quantity), 0)::int AS tickets FROM orders o JOIN order_items oi ON oi.order_id = o.id WHERE oi.slot_id = ANY($1::uuid[])",
    [show.slots],
  );
  expect(sold).toEqual([{ orders: 1, tickets: 2 }]);
});
