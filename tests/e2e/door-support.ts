import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { expect, type APIRequestContext } from "@playwright/test";
import jsQR from "jsqr";
import QRCode from "qrcode";
import { paidOrder } from "./order-support";
import { ownExhibition } from "./staff-support";
import { sql } from "./support";

/**
 * A guest's paid order of `count` tickets for a slot that starts in five minutes (its entry window
 * is open), of an exhibition of its own; the tickets' tokens as read off the order's QR codes.
 */
export async function ticketsAtTheDoorNow(request: APIRequestContext, baseURL: string, count: number) {
  const slug = await ownExhibition("door", "published");
  const [slot] = await sql<{ id: string; type: string }>(
    `INSERT INTO time_slots (exhibition_id, starts_at, ends_at, capacity)
     SELECT e.id, now() + interval '5 minutes', now() + interval '65 minutes', 20 FROM exhibitions e WHERE e.slug = $1
     RETURNING id, (SELECT t.id FROM ticket_types t WHERE t.exhibition_id = time_slots.exhibition_id) AS type`,
    [slug],
  );
  const order = await paidOrder(request, baseURL, { slotId: slot!.id, ticketTypeId: slot!.type, quantity: count }, { name: "Asha Rao", email: "asha@example.org" });
  const shown = await request.get(`/api/orders/${order.id}?key=${order.key}`);
  expect(shown.status()).toBe(200);
  const { tickets } = ((await shown.json()) as { order: { tickets: { qrUrl: string }[] } }).order;
  return { slotId: slot!.id, number: order.number, tokens: tickets.map((ticket) => readQr(qrMatrix(ticket.qrUrl))) };
}

/** The dark modules of a QR code drawn by `qrcode` as an SVG data URL (rows of `h` runs). */
export function qrMatrix(dataUrl: string): boolean[][] {
  const svg = Buffer.from(dataUrl.split(",")[1]!, "base64").toString("utf8");
  const size = Number(/viewBox="0 0 (\d+) \d+"/.exec(svg)![1]);
  const dark = Array.from({ length: size }, () => Array<boolean>(size).fill(false));
  const path = /<path stroke="[^"]+" d="([^"]+)"/.exec(svg)![1]!;
  let x = 0;
  let y = 0;
  for (const [, command, a, b] of path.matchAll(/([Mmh])(-?[\d.]+)(?: (-?[\d.]+))?/g)) {
    if (command === "M") [x, y] = [Number(a), Number(b)];
    else if (command === "m") [x, y] = [x + Number(a), y + Number(b)];
    else for (let run = Number(a); run > 0; run--) dark[Math.floor(y)]![x++] = true;
  }
  return dark;
}

/** The QR code's text, as a phone's camera reads it. */
function readQr(dark: boolean[][], scale = 4, quiet = 4) {
  const side = (dark.length + 2 * quiet) * scale;
  const pixels = new Uint8ClampedArray(side * side * 4).fill(255);
  const isDark = (row: number, col: number) => dark[row - quiet]?.[col - quiet] === true;
  for (let i = 0; i < side * side; i++) if (isDark(Math.floor(i / side / scale), Math.floor((i % side) / scale))) pixels.fill(0, i * 4, i * 4 + 3);
  return jsQR(pixels, side, side)!.data;
}

/** A short grey-scale Y4M video of the QR code, for Chromium's fake camera (--use-file-for-fake-video-capture). */
export async function qrVideo(token: string) {
  const { modules } = QRCode.create(token, { errorCorrectionLevel: "M" });
  const [width, height, margin] = [640, 480, 4];
  const scale = Math.floor(440 / (modules.size + 2 * margin));
  const left = Math.floor((width - modules.size * scale) / 2);
  const top = Math.floor((height - modules.size * scale) / 2);
  const luma = Buffer.alloc(width * height, 235);
  for (let row = 0; row < modules.size; row++)
    for (let col = 0; col < modules.size; col++)
      if (modules.get(row, col)) for (let dy = 0; dy < scale; dy++) luma.fill(16, (top + row * scale + dy) * width + left + col * scale, (top + row * scale + dy) * width + left + (col + 1) * scale);
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  const frame = Buffer.concat([Buffer.from("FRAME\n"), luma, chroma]);
  const file = path.join(await fs.mkdtemp(path.join(os.tmpdir(), "door-qr-")), "ticket.y4m");
  await fs.writeFile(file, Buffer.concat([Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`), ...Array<Buffer>(10).fill(frame)]));
  return file;
}
