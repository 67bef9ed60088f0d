import { createRequire } from "node:module";
import { PDFDocument, PDFName, decodePDFRawStream, type PDFDict, type PDFRawStream } from "pdf-lib";
import QRCode from "qrcode";
import { describe, expect, it } from "vitest";
import type { Order } from "@/domain/checkout/order-view";
import { formatWhen } from "@/components/format";
import { messagesFor } from "@/i18n/catalog";
import { LOCALES, type Locale } from "@/i18n/locales";
import { SCRIPT_FONTS, scriptRuns } from "./pdf-scripts";
import { ticketsPdf } from "./tickets-pdf";

// PDFKit's own font engine, which ships no types: only what this test asks of it.
type Font = { layout: (text: string) => { glyphs: { id: number }[] } };
const fontkit = createRequire(import.meta.url)("fontkit") as { openSync: (file: string) => Font };

const ZONE = "Asia/Kolkata";
const STARTS = "2026-11-28T04:30:00.000Z";

const orderIn = (locale: Locale, name = "Asha Rao"): Order => ({
  id: "5d1c6f0e-0000-4000-8000-000000000001",
  number: "A-1042",
  status: "paid",
  email: "asha@example.org",
  name,
  phone: null,
  items: [],
  total: { amount: 50000, currency: "INR" },
  expiresAt: STARTS,
  paidAt: STARTS,
  locale,
  tickets: ["T1", "T2"].map((code, index) => ({
    id: `ticket-${index}`,
    code,
    status: "valid",
    exhibition: { slug: "monsoon-rivers", title: "Monsoon Rivers" },
    slotId: "slot",
    startsAt: STARTS,
    endsAt: STARTS,
    ticketType: { name: "Adult" },
  })),
});

async function pdfOf(order: Order): Promise<Buffer> {
  const svg = await QRCode.toString("token", { type: "svg", margin: 2 });
  return ticketsPdf(order, ZONE, new Map(order.tickets.map((ticket) => [ticket.id, svg])));
}

/** Each embedded font's name, with the characters its ToUnicode map says the PDF draws with it. */
async function fontsOf(pdf: Buffer): Promise<Map<string, string>> {
  const document = await PDFDocument.load(pdf);
  const fonts = new Map<string, string>();
  for (const [, object] of document.context.enumerateIndirectObjects()) {
    // By shape (decision 11): a dictionary has get(), a stream has contents.
    if (!("get" in object) || (object as PDFDict).get(PDFName.of("Type"))?.toString() !== "/Font") continue;
    const font = object as PDFDict;
    const name = font.get(PDFName.of("BaseFont"))!.toString();
    const toUnicode = font.lookup(PDFName.of("ToUnicode"));
    let characters = "";
    if (toUnicode && "contents" in toUnicode) {
      const cmap = Buffer.from(decodePDFRawStream(toUnicode as PDFRawStream).decode()).toString("latin1");
      // PDFKit maps its glyph codes to text as ranges of arrays: [<0936> <0930 094d> …], one entry a glyph.
      for (const [, entries] of cmap.matchAll(/\[([^\]]*)\]/g)) {
        for (const [, hex] of entries!.matchAll(/<([0-9a-fA-F ]+)>/g)) characters += Buffer.from(hex!.replace(/ /g, ""), "hex").swap16().toString("utf16le");
      }
    }
    fonts.set(name, (fonts.get(name) ?? "") + characters);
  }
  return fonts;
}

describe("the tickets PDF in the order's language", () => {
  it.each([
    ["hi", "NotoSansDevanagari", "ऑर्डर"],
    ["kn", "NotoSansKannada", "ಆರ್ಡರ್"],
  ] as const)("in %s, embeds %s and draws the labels with it, the English title staying in Helvetica", async (locale, family, word) => {
    const fonts = await fontsOf(await pdfOf(orderIn(locale)));
    const noto = [...fonts].find(([name]) => name.includes(family));
    expect(noto, [...fonts.keys()].join(", ")).toBeDefined();
    for (const character of word) expect(noto![1]).toContain(character);
    expect([...fonts.keys()].some((name) => name.includes("Helvetica-Bold"))).toBe(true);
  });

  it("keeps the English PDF to PDFKit's standard fonts", async () => {
    const fonts = await fontsOf(await pdfOf(orderIn("en")));
    expect([...fonts.keys()].some((name) => name.includes("Noto"))).toBe(false);
  });

  it("writes a buyer's name in the other script with that script's font", async () => {
    const fonts = await fontsOf(await pdfOf(orderIn("hi", "ಆಶಾ ರಾವ್")));
    expect([...fonts.keys()].some((name) => name.includes("NotoSansKannada"))).toBe(true);
  });

  it("has a glyph, never .notdef, for every character of its labels and dates in Hindi and Kannada", () => {
    for (const locale of LOCALES.filter((candidate) => candidate !== "en")) {
      const { pdf } = messagesFor(locale);
      const text = [pdf.title, pdf.footer, formatWhen(STARTS, ZONE, locale), ...["2026-01-05", "2026-06-16", "2026-09-19"].map((day) => formatWhen(`${day}T12:00:00Z`, ZONE, locale))].join(" ");
      for (const run of scriptRuns(text)) {
        if (run.script === "latin") continue;
        for (const file of Object.values(SCRIPT_FONTS[run.script])) {
          const font = fontkit.openSync(file);
          const missing = font.layout(run.text).glyphs.filter((glyph) => glyph.id === 0);
          expect({ locale, run: run.text, missing: missing.length }).toEqual({ locale, run: run.text, missing: 0 });
        }
      }
    }
  });
});
