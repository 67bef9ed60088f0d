import { describe, expect, it } from "vitest";
import { escapeText, foldLine, icalendar } from "./icalendar";

const unfold = (text: string) => text.replace(/\r\n /g, "");

describe("iCalendar text (RFC 5545)", () => {
  it("escapes backslashes, semicolons, commas and line breaks", () => {
    expect(escapeText("a\\b; c, d\ne\r\nf")).toBe("a\\\\b\\; c\\, d\\ne\\nf");
  });

  it("folds lines at 75 octets without splitting a Devanagari or Kannada character, and unfolds to the same line", () => {
    for (const line of [`DESCRIPTION:${"x".repeat(200)}`, `LOCATION:${"कावेरी म्यूज़ियम ".repeat(12)}`, `SUMMARY:${"ಕಾವೇರಿ ವಸ್ತುಸಂಗ್ರಹಾಲಯ ".repeat(9)}`]) {
      const folded = foldLine(line);
      for (const part of folded.split("\r\n")) expect(Buffer.byteLength(part)).toBeLessThanOrEqual(75);
      expect(folded.split("\r\n").slice(1).every((part) => part.startsWith(" "))).toBe(true);
      expect(unfold(folded)).toBe(line);
      expect(folded).not.toContain("\uFFFD");
    }
    expect(foldLine("SHORT:line")).toBe("SHORT:line");
  });

  it("writes one VEVENT per event with UTC times and CRLF line ends", () => {
    const text = icalendar(
      [{ uid: "order-1-slot-2@example.org", start: new Date("2026-11-22T05:30:00Z"), end: new Date("2026-11-22T06:00:00Z"), summary: "Sky, tonight", location: "12 Road; Bengaluru", description: "Entry\nfrom 10:30", url: "https://example.org/orders/1?key=k" }],
      "-//Museum//Tickets//EN",
      new Date("2026-11-21T00:00:00Z"),
    );
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/\n/);
    const lines = unfold(text).split("\r\n");
    expect(lines).toEqual(expect.arrayContaining(["BEGIN:VEVENT", "DTSTART:20261122T053000Z", "DTEND:20261122T060000Z", "DTSTAMP:20261121T000000Z", "SUMMARY:Sky\\, tonight", "LOCATION:12 Road\\; Bengaluru", "DESCRIPTION:Entry\\nfrom 10:30", "END:VEVENT"]));
  });
});
