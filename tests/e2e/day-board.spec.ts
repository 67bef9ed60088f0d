import { expect, test } from "@playwright/test";
import { connectDatabase } from "@/db/client";
import { venueDateOf } from "@/domain/calendar/venue-time";
import { testCtx } from "../support/cart-fixtures";
import { placeOrder, ticketsWithSlots } from "../support/slot-fixtures";
import { ownExhibition, signInTo, staffAccount } from "./staff-support";
import { adultOf, expectNoAxeViolations, sql, VENUE_ZONE } from "./support";

/** A slot of an exhibition of its own starting in ten minutes (its entry window is open), with a paid order of two adults: the slot and the codes. */
async function slotAtTheDoor() {
  const slug = await ownExhibition("board", "published");
  const startsAt = new Date(Date.now() + 10 * 60_000);
  const [slot] = await sql<{ id: string }>(
    "INSERT INTO time_slots (exhibition_id, starts_at, ends_at, capacity) SELECT id, $2, $3, 12 FROM exhibitions WHERE slug = $1 RETURNING id",
    [slug, startsAt, new Date(startsAt.getTime() + 60 * 60_000)],
  );
  const handle = connectDatabase(process.env.E2E_DATABASE_URL!, { max: 1 });
  try {
    const order = await placeOrder(testCtx(handle.db, { now: new Date() }), [{ slotId: slot!.id, ticketTypeId: await adultOf(slug), quantity: 2 }]);
    const codes = (await ticketsWithSlots(handle.db, order.id)).map((ticket) => ticket.code);
    return { slotId: slot!.id, day: venueDateOf(startsAt, VENUE_ZONE), codes };
  } finally {
    await handle.close();
  }
}

test("a door account keeps the day board open and sees a check-in arrive without reloading", async ({ page, baseURL }) => {
  test.slow();
  const { slotId, day, codes } = await slotAtTheDoor();
  const email = await staffAccount("door");
  await signInTo(page, "/staff/day", email);
  await page.goto(`/staff/day?date=${day}`);
  await expect(page.getByRole("heading", { name: "Day board", level: 1 })).toBeVisible();
  await expect(page.getByTestId("day-board-connection")).toHaveText("Live");

  const row = page.locator(`tr[data-slot-id="${slotId}"]`);
  await expect(row.getByRole("cell")).toHaveText([/^Scheduled board-/, "12", "2", "0", "2", "10", "open"]);
  await expectNoAxeViolations(page);

  // The same session scans a ticket at the door, as a scanner beside the board would.
  const scanned = await page.request.post("/api/checkin", { headers: { origin: baseURL! }, data: { code: codes[0] } });
  expect(scanned.status(), await scanned.text()).toBe(200);
  await expect(row.getByTestId("checked-in")).toHaveText("1");
  await expect(row.getByRole("cell")).toHaveText([/^Scheduled board-/, "12", "2", "1", "1", "10", "open"]);
  await expect(page.getByTestId("day-board-summary")).toContainText("checked in");
  await expectNoAxeViolations(page);
});
