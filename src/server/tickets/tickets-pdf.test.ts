import QRCode from "qrcode";
import { describe, expect, it } from "vitest";
import { qrRuns } from "./tickets-pdf";

describe("a stored QR code drawn into the PDF", () => {
  it("covers exactly the dark modules of the code, and nothing else", async () => {
    const token = `${"a".repeat(200)}.${"b".repeat(86)}`;
    const svg = await QRCode.toString(token, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
    const { modules, runs } = qrRuns(svg);
    const { size, data } = QRCode.create(token, { errorCorrectionLevel: "M" }).modules;
    expect(modules).toBe(size + 4);
    const drawn = new Set(runs.flatMap(([x, y, length]) => Array.from({ length }, (_, i) => `${x + i},${y}`)));
    const dark = new Set<string>();
    for (let row = 0; row < size; row++) for (let column = 0; column < size; column++) if (data[row * size + column]) dark.add(`${column + 2},${row + 2}`);
    expect(drawn).toEqual(dark);
  });

  it("refuses what is not qrcode's SVG", () => {
    expect(() => qrRuns("<svg/>")).toThrow(/not the SVG/);
  });
});
