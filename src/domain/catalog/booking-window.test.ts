import { describe, expect, it } from "vitest";
import { bookableDayOr, lastBookableDay } from "./booking-window";

describe("booking window", () => {
  it("runs from today for 60 days", () => {
    expect(lastBookableDay("2026-11-21")).toBe("2027-01-19");
  });

  it("keeps a requested day inside the window and falls back to today otherwise", () => {
    expect(bookableDayOr("2026-11-21", "2026-11-25")).toBe("2026-11-25");
    expect(bookableDayOr("2026-11-21", "2027-01-19")).toBe("2027-01-19");
    for (const outside of ["2027-01-20", "2026-11-20", "2026-02-30", "tomorrow", undefined]) {
      expect(bookableDayOr("2026-11-21", outside), String(outside)).toBe("2026-11-21");
    }
  });

  it("falls back to the day given instead of today, such as the first day with times left", () => {
    expect(bookableDayOr("2026-11-21", undefined, "2026-11-22")).toBe("2026-11-22");
    expect(bookableDayOr("2026-11-21", "2027-01-20", "2026-11-22")).toBe("2026-11-22");
    expect(bookableDayOr("2026-11-21", "2026-11-25", "2026-11-22")).toBe("2026-11-25");
  });
});
