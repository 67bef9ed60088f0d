import fs from "node:fs/promises";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { addDays } from "@/domain/calendar/venue-time";
import { decodedMail } from "../../support/mail-decode";
import { adultOf, expectNoAxeViolations, expectNoHorizontalScroll, slotAt, sql, tomorrow } from "../support";

const SLUG = "beyond-the-milky-way";
const OUTBOX = path.resolve(".tmp", "e2e");

/** A waiting-list e-mail of an entry, once the outbox has sent it: its file is named by a message id whose host is the server's public URL's. */
async function mailOf(entryId: string, kind: "joined" | "offer"): Promise<string> {
  const until = Date.now() + 30_000;
  for (;;) {
    const file = (await fs.readdir(path.join(OUTBOX, "outbox")).catch(() => [] as string[])).find((name) => name.startsWith(`waitlist-${entryId}-${kind}`));
    if (file) return decodedMail(await fs.readFile(path.join(OUTBOX, "outbox", file), "latin1"));
    if (Date.now() > until) throw new Error(`no ${kind} e-mail for ${entryId}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

test("a visitor joins a sold-out slot's waiting list; a place comes back; the e-mail's link puts the places in their cart while the public still sees it sold out", async ({ page, playwright, baseURL }, testInfo) => {
  test.setTimeout(120_000);
  // Each project its own slot and address: the phone and desktop runs share one database.
  const phone = testInfo.project.name === "phone";
  // A day no other spec books on: booking.spec.ts races for this show's 14:00 on tomorrow + 4.
  const day = addDays(tomorrow(), 26);
  const slotId = await slotAt(SLUG, day, phone ? "14:00" : "14:30");
  const email = `waiting-${testInfo.project.name}@example.org`;

  // Another visitor holds the slot's last places.
  const other = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL! } });
  const added = await other.post("/api/cart/items", { data: { slotId, ticketTypeId: await adultOf(SLUG), quantity: 2 } });
  expect(added.status()).toBe(201);
  const itemId = ((await added.json()) as { cart: { items: { id: string }[] } }).cart.items[0]!.id;
  await sql("UPDATE time_slots SET capacity = held + sold WHERE id = $1", [slotId]);

  await page.goto(`/exhibitions/${SLUG}/waitlist/${slotId}`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByText(/This time is sold out/)).toBeVisible();
  await expectNoAxeViolations(page);
  await expectNoHorizontalScroll(page);
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Tickets", { exact: true }).selectOption("2");
  await page.getByRole("button", { name: "Join the waiting list" }).click();
  await expect(page.getByRole("heading", { name: "You are on the waiting list" })).toBeVisible();
  await expect(page.getByText(`We have sent a confirmation to ${email}.`)).toBeVisible();
  await expectNoAxeViolations(page);

  // The other visitor lets their places go: they are offered to the first in line, not to the public.
  expect((await other.delete(`/api/cart/items/${itemId}`)).status()).toBe(200);
  const [entry] = await sql<{ id: string }>("SELECT id FROM waitlist_entries WHERE email = $1 AND slot_id = $2", [email, slotId]);
  const mail = await mailOf(entry!.id, "offer");
  const claimPath = /\/waitlist\/claim\/[A-Za-z0-9_-]+/.exec(mail)![0];

  const slots = (await (await other.get(`/api/exhibitions/${SLUG}/slots?from=${day}&to=${day}`)).json()) as { slots: { id: string; available: number; status: string }[] };
  expect(slots.slots.find((slot) => slot.id === slotId)).toMatchObject({ available: 0, status: "sold_out" });
  await other.dispose();

  await page.goto(claimPath);
  await expect(page.getByRole("heading", { name: "Places are held for you" })).toBeVisible();
  await expectNoAxeViolations(page);
  await expectNoHorizontalScroll(page);
  await page.getByRole("button", { name: "Put them in my cart" }).click();
  await expect(page).toHaveURL(/\/cart$/);
  const cart = (await (await page.request.get("/api/cart")).json()) as { cart: { items: { slotId: string; quantity: number; status: string }[] } };
  expect(cart.cart.items).toEqual([expect.objectContaining({ slotId, quantity: 2, status: "held" })]);
  await expect(page.getByTestId("cart-line")).toHaveCount(1);

  // The link works once.
  await page.goto(claimPath);
  await expect(page.getByRole("heading", { name: "This offer is no longer open" })).toBeVisible();
  await expectNoAxeViolations(page);
});

test("the leave link takes a visitor off the list only when they press the button", async ({ page }, testInfo) => {
  test.setTimeout(60_000);
  // A day no other spec books on: booking.spec.ts races for this show's 14:00 on tomorrow + 4.
  const day = addDays(tomorrow(), 26);
  const slotId = await slotAt(SLUG, day, testInfo.project.name === "phone" ? "15:00" : "15:30");
  await sql("UPDATE time_slots SET sold = capacity - held WHERE id = $1", [slotId]);
  const email = `leave-${testInfo.project.name}@example.org`;
  const response = await page.request.post(`/api/exhibitions/${SLUG}/slots/${slotId}/waitlist`, { data: { email, quantity: 1 } });
  expect(response.status()).toBe(201);
  const [entry] = await sql<{ id: string }>("SELECT id FROM waitlist_entries WHERE email = $1 AND slot_id = $2", [email, slotId]);
  const token = /\/waitlist\/leave\/([A-Za-z0-9_-]+)/.exec(await mailOf(entry!.id, "joined"))![1];
  await page.goto(`/waitlist/leave/${token}`);
  await expect(page.getByRole("heading", { name: "Leave the waiting list?" })).toBeVisible();
  await expectNoAxeViolations(page);
  const [before] = await sql<{ status: string }>("SELECT status FROM waitlist_entries WHERE id = $1", [entry!.id]);
  expect(before!.status).toBe("waiting");
  await page.getByRole("button", { name: "Leave the waiting list" }).click();
  await expect(page.getByRole("heading", { name: "You have left the waiting list" })).toBeVisible();
  const [after] = await sql<{ status: string }>("SELECT status FROM waitlist_entries WHERE id = $1", [entry!.id]);
  expect(after!.status).toBe("left");
  await expectNoAxeViolations(page);
});
