import { describe, expect, it } from "vitest";
import { addDays, daysBetween, isVenueDate, venueDateOf, venueInstant } from "./venue-time";

describe("venue time", () => {
  it("accepts only real calendar days written YYYY-MM-DD", () => {
    expect(isVenueDate("2026-11-21")).toBe(true);
    expect(isVenueDate("2028-02-29")).toBe(true);
    for (const bad of ["2026-02-29", "2026-13-01", "2026-00-10", "2026-11-31", "21-11-2026", "2026-1-5", "2026-11-21T00:00", ""]) {
      expect(isVenueDate(bad), bad).toBe(false);
    }
  });

  it("places venue clock times on the right instant", () => {
    expect(venueInstant("2026-11-21", 10 * 60, "Asia/Kolkata").toISOString()).toBe("2026-11-21T04:30:00.000Z");
    expect(venueInstant("2026-11-21", 17 * 60 + 30, "Asia/Kolkata").toISOString()).toBe("2026-11-21T12:00:00.000Z");
    // Either side of a daylight-saving change.
    expect(venueInstant("2026-03-28", 10 * 60, "Europe/London").toISOString()).toBe("2026-03-28T10:00:00.000Z");
    expect(venueInstant("2026-03-30", 10 * 60, "Europe/London").toISOString()).toBe("2026-03-30T09:00:00.000Z");
  });

  it("tells the venue's day of an instant, not the server's", () => {
    expect(venueDateOf(new Date("2026-11-21T19:00:00Z"), "Asia/Kolkata")).toBe("2026-11-22");
    expect(venueDateOf(new Date("2026-11-21T18:29:59Z"), "Asia/Kolkata")).toBe("2026-11-21");
    expect(venueDateOf(new Date("2026-11-21T03:00:00Z"), "America/New_York")).toBe("2026-11-20");
  });

  it("counts days across months and years", () => {
    expect(addDays("2026-12-30", 3)).toBe("2027-01-02");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(daysBetween("2026-11-21", "2027-02-21")).toBe(92);
    expect(daysBetween("2026-11-21", "2026-11-20")).toBe(-1);
  });
});
