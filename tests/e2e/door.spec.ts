import path from "node:path";
import { chromium, expect, test, type Page } from "@playwright/test";
import { findChromium } from "../support/chromium";
import { qrVideo, ticketsAtTheDoorNow } from "./door-support";
import { signInTo, staffAccount } from "./staff-support";
import { venueDateOf } from "@/domain/calendar/venue-time";
import { expectNoAxeViolations, VENUE_ZONE } from "./support";

// The door's scanner page in Chromium: a real QR code before the (fake) camera, a handheld scanner
// typing into the page, and a round without a network that uploads by itself when it comes back.

async function openDoor(page: Page, gate: string) {
  await signInTo(page, "/staff/door", await staffAccount("door"));
  await page.getByLabel("Gate name").fill(gate);
  await page.getByRole("button", { name: "Save gate" }).click();
  await expect(page.getByTestId("door-gate")).toHaveText(gate);
  // The day's lists and the key are on the device once it has synced.
  await expect(page.getByTestId("door-last-synced")).not.toHaveText("Last synced never");
}

/** A handheld scanner: the QR code's text typed fast into the focused field, then Enter. */
async function wedgeScan(page: Page, token: string) {
  await expect(page.getByLabel("Ticket code or scanner")).toBeFocused();
  await page.keyboard.type(token, { delay: 0 });
  await page.keyboard.press("Enter");
}

const result = (page: Page) => page.getByTestId("scan-result");
const shot = (name: string) => path.resolve("docs/screenshots", `${name}.png`);

test("a ticket's QR code held before the camera admits it, once", async ({ request, baseURL }) => {
  test.slow();
  const { tokens, number } = await ticketsAtTheDoorNow(request, baseURL!, 1);
  const video = await qrVideo(tokens[0]!);
  const { executablePath, env } = await findChromium();
  const browser = await chromium.launch({
    executablePath,
    env: env && { ...process.env, ...env },
    args: ["--no-sandbox", "--disable-gpu", "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream", `--use-file-for-fake-video-capture=${video}`],
  });
  try {
    const context = await browser.newContext({ baseURL });
    await context.grantPermissions(["camera"]);
    const page = await context.newPage();
    await openDoor(page, "North gate");
    await page.getByRole("button", { name: "Start camera" }).click();
    await expect(result(page)).toHaveAttribute("data-tone", "admitted", { timeout: 15_000 });
    await expect(result(page)).toContainText("Admitted");
    await expect(result(page)).toContainText(number);
    // The code stays before the camera: it is not scanned again (which would say "Already in").
    await page.waitForTimeout(4000);
    await expect(result(page)).toHaveAttribute("data-tone", "admitted");
    await page.getByRole("button", { name: "Stop camera" }).click();
  } finally {
    await browser.close();
  }
});

test("a handheld scanner's scan admits, the same ticket again is already in with its gate; the page passes axe", async ({ page, request, baseURL }) => {
  test.slow();
  const { tokens, number } = await ticketsAtTheDoorNow(request, baseURL!, 1);
  // A phone held at the door (the README's picture of it).
  await page.setViewportSize({ width: 390, height: 844 });
  await openDoor(page, "East wing");
  await expectNoAxeViolations(page);
  // Installable: its own manifest, whose icon exists.
  const manifest = await page.request.get((await page.locator('link[rel="manifest"]').getAttribute("href"))!);
  const { start_url, icons } = (await manifest.json()) as { start_url: string; icons: { src: string }[] };
  expect(start_url).toBe("/staff/door");
  expect((await page.request.get(icons[0]!.src)).status()).toBe(200);

  await wedgeScan(page, tokens[0]!);
  await expect(result(page)).toHaveAttribute("data-tone", "admitted");
  await expect(result(page)).toContainText(`Admitted`);
  await expect(result(page)).toContainText(`${number} · Asha Rao`);
  await expect(page.getByLabel("Ticket code or scanner")).toHaveValue("");
  await expectNoAxeViolations(page);
  await page.screenshot({ path: shot("door-admitted-phone") });

  await wedgeScan(page, tokens[0]!);
  await expect(result(page)).toHaveAttribute("data-tone", "warning");
  await expect(result(page)).toContainText("Already in");
  await expect(result(page)).toContainText("at East wing");
  await expectNoAxeViolations(page);

  // A typed code that is no ticket of ours.
  await page.keyboard.type("ZZZZ-ZZZZ-ZZZZ-ZZZZ");
  await page.keyboard.press("Enter");
  await expect(result(page)).toHaveAttribute("data-tone", "refused");
  await expect(result(page)).toContainText("Unknown ticket");
  await expectNoAxeViolations(page);
});

test("without a network the door decides by itself, and uploads its scans when the network is back; the day board shows them", async ({ page, context, browser, request, baseURL }) => {
  test.slow();
  const { tokens, slotId } = await ticketsAtTheDoorNow(request, baseURL!, 2);
  // The front-of-house manager's day board, on another device that keeps its network.
  const manager = await browser.newContext();
  const board = await manager.newPage();
  await signInTo(board, "/staff/day", await staffAccount("door"));
  // The slot starts in five minutes: on the venue's day of then (just before midnight, tomorrow).
  await board.goto(`/staff/day?date=${venueDateOf(new Date(Date.now() + 5 * 60_000), VENUE_ZONE)}`);
  await expect(board.getByTestId("day-board-connection")).toHaveText("Live");
  const boardRow = board.locator(`tr[data-slot-id="${slotId}"]`);
  await expect(boardRow.getByTestId("checked-in")).toHaveText("0");

  await openDoor(page, "Basement");
  const synced = await page.getByTestId("door-last-synced").textContent();
  // The worker that serves the page offline is in control, and the page is kept, before the network goes.
  await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
  await expect(page.getByTestId("door-offline-ready")).toHaveAttribute("data-ready", "true");

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByTestId("door-gate")).toHaveText("Basement");
  await expect(page.getByTestId("door-connection")).toHaveAttribute("data-online", "false");

  for (const token of tokens) {
    await wedgeScan(page, token);
    await expect(result(page)).toHaveAttribute("data-tone", "admitted");
    await expect(result(page)).toContainText("Decided on this device (offline).");
  }
  await wedgeScan(page, tokens[0]!);
  await expect(result(page)).toHaveAttribute("data-tone", "warning");
  await expect(result(page)).toContainText("Already in");
  await expect(result(page)).toContainText("at Basement");
  await expect(page.getByTestId("door-queued")).toHaveText("2 waiting to upload");

  await page.keyboard.type("ABCD-EFGH-JKMN-PQRS");
  await page.keyboard.press("Enter");
  await expect(result(page)).toContainText("Cannot check a typed code offline");

  await context.setOffline(false);
  await expect(page.getByTestId("door-queued")).toHaveText("0 waiting to upload");
  await expect(page.getByTestId("door-sync-report")).toContainText("2 offline scans uploaded");
  await expect(page.getByTestId("door-sync-report")).toContainText("no conflicts");
  await expect(page.getByTestId("door-last-synced")).not.toHaveText(synced!);
  await expect(page.getByTestId("door-connection")).toHaveAttribute("data-online", "true");

  await expect(boardRow.getByTestId("checked-in")).toHaveText("2");
  await board.setViewportSize({ width: 1024, height: 768 });
  await board.screenshot({ path: shot("staff-day-board-tablet") });
  await manager.close();
});
