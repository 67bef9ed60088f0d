import path from "node:path";
import { expect, test } from "@playwright/test";
import { addDays } from "@/domain/calendar/venue-time";
import { signInTo, staffAccount } from "./staff-support";
import { adultOf, slotAt, tomorrow } from "./support";

// The README shows these, beside the visitors' (screenshots.spec.ts); every e2e run takes them again.
// Only reads the demo museum's schedule, and fills a day no other test uses.
const shots = path.resolve("docs/screenshots");
const SHOW = "beyond-the-milky-way";

test.use({ viewport: { width: 1024, height: 768 } });

test("the staff console on a tablet: home, a schedule, a day of slots, cancelling, accounts and the audit log", async ({ page, baseURL }) => {
  test.slow();
  const admin = await staffAccount("admin", "Anita Rao");
  await signInTo(page, "/staff", admin);
  await page.screenshot({ path: path.join(shots, "staff-home-tablet.png"), fullPage: true });

  await page.goto(`/staff/exhibitions/${SHOW}/schedule`);
  await expect(page.getByTestId("schedule-preview")).toBeVisible();
  await page.screenshot({ path: path.join(shots, "staff-schedule-tablet.png"), fullPage: true });

  // A day with some places sold and some held, so the table has something to show.
  const day = addDays(tomorrow(), 50);
  await slotAt(SHOW, day, "10:00", { sold: 20 });
  await slotAt(SHOW, day, "10:30", { sold: 14 });
  const held = await page.request.post("/api/cart/items", { headers: { origin: baseURL! }, data: { slotId: await slotAt(SHOW, day, "11:00"), ticketTypeId: await adultOf(SHOW), quantity: 3 } });
  expect(held.status()).toBe(201);
  await page.goto("/staff/slots");
  await page.getByLabel("Exhibition").selectOption(SHOW);
  await page.getByLabel("Day").fill(day);
  await expect(page.getByLabel("Capacity at 11:00")).toBeVisible();
  await page.screenshot({ path: path.join(shots, "staff-slots-tablet.png"), fullPage: true });
  await page.getByRole("button", { name: "Cancel slot at 12:00" }).click();
  await page.getByRole("dialog").getByLabel("Reason (told to the buyers)").fill("The projector is being serviced");
  await page.screenshot({ path: path.join(shots, "staff-cancel-tablet.png") });
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toHaveCount(0);

  // Some account changes, for the accounts page and the audit log.
  const door = `guide-${Date.now().toString(36)}@museum.example`;
  const made = await page.request.post("/api/staff/users", { headers: { origin: baseURL! }, data: { email: door, name: "Kiran Guide", role: "door" } });
  expect(made.status()).toBe(201);
  const { account } = (await made.json()) as { account: { id: string } };
  expect((await page.request.patch(`/api/staff/users/${account.id}`, { headers: { origin: baseURL! }, data: { role: "staff" } })).status()).toBe(200);
  await page.goto("/staff/users");
  await expect(page.getByRole("heading", { name: "Staff accounts", level: 1 })).toBeVisible();
  await page.screenshot({ path: path.join(shots, "staff-users-tablet.png"), fullPage: true });
  await page.goto("/staff/audit");
  await expect(page.getByTestId("audit-entry").filter({ hasText: door }).first()).toContainText("account.role");
  await page.screenshot({ path: path.join(shots, "staff-audit-tablet.png") });
});
