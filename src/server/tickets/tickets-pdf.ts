import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { eq } from "drizzle-orm";
import PDFDocument from "pdfkit";
import type { Executor } from "@/db/client";
import { ticketPdfs } from "@/db/schema";
import type { Order } from "@/domain/checkout/order-view";
import { VENUE } from "@/domain/venue";
import { formatWhen } from "@/components/format";
import { DEFAULT_LOCALE, isLocale } from "@/i18n/locales";
import { translatorFor } from "@/i18n/translator";
import { SCRIPT_FONTS, scriptRuns } from "./pdf-scripts";
import { ticketQrCodes } from "./ticket-qr";
import { processSingleton } from "../shared";

const QR_SIZE = 170;
const PAGES_PER_TURN = 10;

/**
 * A stored QR code's dark modules as runs [x, y, length] along its rows, and its size in modules.
 * The SVG is qrcode's: a viewBox of n × n modules, and one path drawing each row's dark runs as
 * horizontal strokes through the middle of the row ("M2 2.5h7m2 0h1…").
 */
export function qrRuns(svg: string): { modules: number; runs: [number, number, number][] } {
  const modules = /viewBox="0 0 (\d+) \d+"/.exec(svg)?.[1];
  const dark = /<path stroke="#000000" d="([^"]+)"/.exec(svg)?.[1];
  if (!modules || !dark) throw new Error("A ticket's stored QR code is not the SVG qrcode makes.");
  const runs: [number, number, number][] = [];
  let x = 0;
  let y = 0;
  for (const [, command, a, b] of dark.matchAll(/([Mmh])(-?[\d.]+)(?: (-?[\d.]+))?/g)) {
    if (command === "M") [x, y] = [Number(a), Number(b) - 0.5];
    else if (command === "m") [x, y] = [x + Number(a), y + Number(b)];
    else {
      runs.push([x, y, Number(a)]);
      x += Number(a);
    }
  }
  return { modules: Number(modules), runs };
}

/** Draws a ticket's QR code, centred, as filled rectangles: no image to render and compress on every page. */
function drawQr(document: PDFKit.PDFDocument, svg: string): void {
  const { modules, runs } = qrRuns(svg);
  const top = document.y;
  document.save().translate((document.page.width - QR_SIZE) / 2, top).scale(QR_SIZE / modules).fillColor("#000000");
  document.addContent(`${runs.map(([x, y, length]) => `${x} ${y} ${length} 1 re`).join("\n")}\nf`);
  document.restore();
  document.y = top + QR_SIZE;
}

/** The Noto fonts' files, read once per process and registered with each document. */
const scriptFonts = () =>
  processSingleton("tickets-pdf-fonts", () =>
    Object.entries(SCRIPT_FONTS).flatMap(([script, files]) => [
      [`${script}`, readFileSync(files.regular)],
      [`${script}-bold`, readFileSync(files.bold)],
    ] as [string, Buffer][]),
  );

/** Writes `text` in the current size and colour, each script's run in a font that has its glyphs. */
function write(document: PDFKit.PDFDocument, text: string, options: { bold?: boolean; align?: "center" } = {}): void {
  const runs = scriptRuns(text);
  for (const [index, run] of runs.entries()) {
    const font = run.script === "latin" ? (options.bold ? "Helvetica-Bold" : "Helvetica") : `${run.script}${options.bold ? "-bold" : ""}`;
    document.font(font).text(run.text, { align: options.align, continued: index < runs.length - 1 });
  }
}

/** The order's tickets as a PDF, in the order's language, one ticket a page, each with its QR code: to print or keep on a phone. */
export async function ticketsPdf(order: Order, timeZone: string, qrCodes: Map<string, string>): Promise<Buffer> {
  const locale = isLocale(order.locale) ? order.locale : DEFAULT_LOCALE;
  const t = translatorFor(locale, "pdf");
  const document = new PDFDocument({ size: "A6", margin: 24, info: { Title: t("title", { number: order.number }), Author: VENUE.name } });
  for (const [name, font] of scriptFonts()) document.registerFont(name, font);
  const chunks: Buffer[] = [];
  document.on("data", (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve) => document.on("end", () => resolve(Buffer.concat(chunks))));

  for (const [index, ticket] of order.tickets.entries()) {
    // A counter sale's hundreds of pages, drawn at one go, would stall every other request of the process.
    if (index % PAGES_PER_TURN === PAGES_PER_TURN - 1) await new Promise((resolve) => setImmediate(resolve));
    if (index > 0) document.addPage();
    document.font("Helvetica-Bold").fontSize(9).fillColor("#7a2e1d").text(VENUE.name.toUpperCase());
    write(document.moveDown(0.4).fontSize(15).fillColor("#1f1a17"), ticket.exhibition.title, { bold: true });
    write(document.moveDown(0.3).fontSize(11), formatWhen(ticket.startsAt, timeZone, locale));
    write(document, ticket.ticketType.name);
    drawQr(document, qrCodes.get(ticket.id)!);
    document.moveDown(0.3).font("Courier-Bold").fontSize(12).text(ticket.code, { align: "center" });
    write(document.fontSize(8).fillColor("#5b514a"), t("footer", { number: order.number, index: index + 1, count: order.tickets.length, name: order.name }), { align: "center" });
  }
  document.end();
  return finished;
}

/** Everything a tickets PDF shows, hashed: a stored PDF is served only while the order still looks like that. */
const fingerprintOf = (order: Order, timeZone: string) =>
  createHash("sha256")
    .update(JSON.stringify([timeZone, order.locale, order.number, order.name, order.tickets.map((ticket) => [ticket.id, ticket.code, ticket.exhibition.title, ticket.startsAt, ticket.ticketType.name])]))
    .digest("base64url");

/**
 * The order's tickets PDF, made once and kept: the confirmation e-mail makes it (from the outbox,
 * off any request), and the download serves that copy. A change to what it shows (a ticket moved,
 * a name corrected) makes it again, once. Its size is bounded by MAX_CART_TICKETS for visitors'
 * orders.
 */
export function ticketsPdfOf(db: Executor, whole: Order, timeZone: string): Promise<Buffer> {
  // A void ticket (refunded, or moved and replaced) admits nobody: printed, it only sends someone to the door with it.
  const order = { ...whole, tickets: whole.tickets.filter((ticket) => ticket.status !== "void") };
  const fingerprint = fingerprintOf(order, timeZone);
  // Downloads of one order at the same moment (a double click, the outbox and a download) share one build.
  const key = `${order.id} ${fingerprint}`;
  const builds = processSingleton("tickets-pdf-builds", () => new Map<string, Promise<Buffer>>());
  const inFlight = builds.get(key);
  if (inFlight) return inFlight;
  const made = storedOrMade(db, order, timeZone, fingerprint).finally(() => builds.delete(key));
  builds.set(key, made);
  return made;
}

async function storedOrMade(db: Executor, order: Order, timeZone: string, fingerprint: string): Promise<Buffer> {
  const [stored] = await db.select({ fingerprint: ticketPdfs.fingerprint, pdf: ticketPdfs.pdf }).from(ticketPdfs).where(eq(ticketPdfs.orderId, order.id));
  if (stored?.fingerprint === fingerprint) return stored.pdf;
  const pdf = await ticketsPdf(order, timeZone, await ticketQrCodes(db, [order]));
  const made = { fingerprint, pdf, createdAt: new Date() };
  await db.insert(ticketPdfs).values({ orderId: order.id, ...made }).onConflictDoUpdate({ target: ticketPdfs.orderId, set: made });
  return pdf;
}
