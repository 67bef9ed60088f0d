import fs from "node:fs/promises";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { PDFDocument } from "pdf-lib";
import { formatDay } from "@/components/format";
import { addDays } from "@/domain/calendar/venue-time";
import { expectNoAxeViolations, expectNoHorizontalScroll, slotAt, sql, tomorrow } from "./support";

const OUTBOX = path.resolve(".tmp", "e2e", "outbox");

async function bookAndCheckOutAsGuest(page: Page, day: string, time: string, adults: number, email: string) {
  await page.goto(`/exhibitions/monsoon-rivers?date=${day}`);
  await expect(page.getByRole("heading", { name: `Times on ${formatDay(day, "long")}` })).toBeVisible();
  await page.getByRole("radio", { name: new RegExp(`^${time} to`) }).check({ force: true });
  for (let i = 0; i < adults; i++) await page.getByRole("button", { name: "Add one Adult" }).click();
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByText(`Added ${adults} tickets for ${time} to your cart.`)).toBeVisible();
  await page.goto("/cart");
  await page.getByRole("link", { name: "Checkout" }).click();
  await page.getByLabel("Name").fill("Lakshmi Menon");
  await page.getByLabel("Email").fill(email);
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Pay" }).click();
  await expect(page).toHaveURL(/\/pay\/test\/[0-9a-f-]{36}\?key=/);
}

test("a guest goes from the exhibition to tickets: test payment, QR codes, the PDF and the e-mail", async ({ page }) => {
  const day = addDays(tomorrow(), 30);
  await bookAndCheckOutAsGuest(page, day, "11:00", 2, "lakshmi@example.org");
  await expect(page.getByRole("heading", { name: /^Pay for order \d+/ })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Pay ₹800" }).click();

  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}\?key=/);
  await expect(page.getByTestId("order-status")).toHaveAttribute("data-status", "paid");
  await expect(page.getByTestId("ticket")).toHaveCount(2);
  await expect(page.getByRole("img", { name: /^QR code of ticket / })).toHaveCount(2);
  await expectNoAxeViolations(page);
  await page.setViewportSize({ width: 375, height: 800 });
  await expectNoHorizontalScroll(page);

  const href = await page.getByRole("link", { name: "Download tickets (PDF)" }).getAttribute("href");
  const pdf = await page.request.get(href!);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect((await PDFDocument.load(await pdf.body())).getPageCount()).toBe(2);

  const number = (await page.getByText(/^Order \d+$/).textContent())!.replace("Order ", "");
  const file = path.join(OUTBOX, `order-${number}-confirmation_localhost.eml`);
  await expect.poll(() => fs.readFile(file, "utf8").catch(() => ""), { timeout: 10_000 }).toContain("To: Lakshmi Menon <lakshmi@example.org>");
  const mail = await fs.readFile(file, "utf8");
  expect(mail).toContain(`filename=tickets-${number}.pdf`);
  // The access link in the e-mail opens the order, with no account.
  const link = /http:\/\/localhost:\d+(\/orders\/\S+)/.exec(mail.replace(/=\r?\n/g, ""))![1]!.replace(/=3D/g, "=");
  await page.goto(link);
  await expect(page.getByTestId("ticket")).toHaveCount(2);
});

test("a declined payment can be tried again, and an order left unpaid gives its places back", async ({ page }) => {
  const day = addDays(tomorrow(), 31);
  const slotId = await slotAt("monsoon-rivers", day, "14:00");
  await bookAndCheckOutAsGuest(page, day, "14:00", 3, "arjun@example.org");
  await page.getByRole("button", { name: "Decline" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "declined" })).toContainText("you can try again");
  await expect(page.getByRole("button", { name: /^Pay ₹/ })).toBeEnabled();
  expect((await sql<{ held: number }>("SELECT held FROM time_slots WHERE id = $1", [slotId]))[0]!.held).toBe(3);

  const orderId = new URL(page.url()).pathname.split("/")[3]!;
  await sql("UPDATE orders SET expires_at = now() - interval '1 second' WHERE id = $1", [orderId]);
  await expect.poll(async () => (await sql<{ held: number }>("SELECT held FROM time_slots WHERE id = $1", [slotId]))[0]!.held, { timeout: 15_000 }).toBe(0);
  await page.reload();
  await expect(page.getByRole("status")).toContainText("The time to pay for this order has run out");
});
