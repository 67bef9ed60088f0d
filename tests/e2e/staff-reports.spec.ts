import path from "node:path";
import { expect, test } from "@playwright/test";
import { addDays } from "@/domain/calendar/venue-time";
import { paidOrder } from "./order-support";
import { ownExhibition, signInTo, staffAccount } from "./staff-support";
import { adultOf, expectNoAxeViolations, expectNoHorizontalScroll, slotAt, sql, today, tomorrow, VENUE_ZONE } from "./support";

// The reports on a 1280 px desktop, where they are read: charts, their tables, CSV, and the README's picture.
test.use({ viewport: { width: 1280, height: 900 } });

const SECTIONS = ["sales-by-day", "sales-by-exhibition", "sales-by-ticketType", "occupancy", "no-shows", "funnel"];

test("staff read sales, occupancy, no-shows and the funnel as charts with tables and CSV; the page passes axe", async ({ page, request, baseURL }) => {
  test.setTimeout(120_000);
  const slug = "monsoon-rivers";
  const ticketTypeId = await adultOf(slug);
  for (const [time, quantity] of [["10:30", 4], ["12:00", 2], ["15:30", 6]] as const) {
    await paidOrder(request, baseURL!, { slotId: await slotAt(slug, tomorrow(), time), ticketTypeId, quantity });
  }
  // Last week's slots of a draft exhibition of this test's own, filled as the counters say (no tickets: all no-shows).
  const [own] = await sql<{ id: string }>("SELECT id FROM exhibitions WHERE slug = $1", [await ownExhibition("reports", "draft")]);
  await sql(
    `INSERT INTO time_slots (exhibition_id, starts_at, ends_at, capacity, sold)
     SELECT $1, (d::date + make_time(h, 0, 0)) AT TIME ZONE $2, (d::date + make_time(h + 1, 0, 0)) AT TIME ZONE $2, 30, (7 * extract(isodow FROM d)::int + 3 * h) % 31
     FROM generate_series($3::date, $4::date, interval '1 day') d, generate_series(10, 16) h`,
    [own!.id, VENUE_ZONE, addDays(today(), -6), addDays(today(), -1)],
  );
  const email = await staffAccount("staff");
  await signInTo(page, "/staff/reports", email);
  await page.goto(`/staff/reports?from=${addDays(today(), -6)}&to=${addDays(today(), 7)}`);
  await expect(page.getByRole("heading", { name: "Reports", level: 1 })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Staff console" }).getByRole("link", { name: "Reports" })).toBeVisible();

  for (const section of SECTIONS) await expect(page.getByTestId(`report-${section}`).locator("[data-testid=report-chart] svg").first(), section).toBeVisible();
  const funnel = page.getByTestId("report-funnel");
  await expect(funnel.getByText("Cart-add success rate")).toBeVisible();
  await expect(funnel.getByText("Sign-in to first cart (median)")).toBeVisible();

  // Each chart's figures as a table, and the same figures as CSV.
  const byDay = page.getByTestId("report-sales-by-day");
  await byDay.getByText("Figures as a table").click();
  await expect(byDay.getByRole("table", { name: "Sales by day" }).getByRole("rowheader", { name: "Total" })).toBeVisible();
  const csv = await page.request.get((await byDay.getByRole("link", { name: /Download CSV/ }).getAttribute("href"))!);
  expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  expect((await csv.text()).split("\r\n")[0]).toBe("day,label,tickets_sold,gross,tickets_refunded,refunded,net,currency");

  await expectNoAxeViolations(page);
  await expectNoHorizontalScroll(page);
  await page.screenshot({ path: path.resolve("docs/screenshots", "staff-reports-desktop.png"), fullPage: true });

  const occupancy = page.getByTestId("report-occupancy");
  await occupancy.getByLabel("Exhibition").selectOption(slug);
  await expect(occupancy.getByRole("link", { name: /Download CSV/ })).toHaveAttribute("href", new RegExp(`exhibition=${slug}`));
  await expect(occupancy.locator("[data-testid=report-chart] svg").first()).toBeVisible();

  // A range the API refuses is explained, and the page falls back to the last 30 days.
  await page.goto(`/staff/reports?from=${today()}&to=${addDays(today(), -3)}`);
  await expect(page.getByRole("alert").filter({ hasText: "The range ends before it starts." })).toContainText("Showing the last 30 days instead.");
});
