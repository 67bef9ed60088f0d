import { describe, expect, it } from "vitest";
import { salesWindow } from "./slot-bookable";
import { fewLeftThreshold, slotState } from "./slot-status";

const now = new Date("2026-11-21T06:00:00Z");
const later = new Date("2026-11-21T08:00:00Z");
const window = salesWindow(now, "Asia/Kolkata");
const slot = (facts: Partial<Parameters<typeof slotState>[0]>) => slotState({ status: "open", exhibitionStatus: "published", startsAt: later, capacity: 20, available: 20, ...facts }, window);

describe("slot state", () => {
  it("is closed once the slot has started, when cancelled, before its day is on sale, or when its exhibition is not published", () => {
    expect(slot({ startsAt: now })).toBe("closed");
    expect(slot({ startsAt: new Date("2026-11-21T05:00:00Z") })).toBe("closed");
    expect(slot({ status: "cancelled" })).toBe("closed");
    // 2026-11-21 in Kolkata: the 60th day on sale is 2027-01-19; its last minute is open, the next day's first is not.
    expect(slot({ startsAt: new Date("2027-01-19T18:29:00Z") })).toBe("open");
    expect(slot({ startsAt: new Date("2027-01-19T18:30:00Z") })).toBe("closed");
    expect(slot({ exhibitionStatus: "draft" })).toBe("closed");
    expect(slot({ exhibitionStatus: "archived" })).toBe("closed");
  });

  it("is sold out with no places, few-left near the end, open otherwise", () => {
    expect(slot({ available: 0 })).toBe("sold_out");
    expect(slot({ available: 3 })).toBe("few_left");
    expect(slot({ available: 4 })).toBe("open");
    expect(slot({ capacity: 120, available: 10 })).toBe("few_left");
    expect(slot({ capacity: 120, available: 11 })).toBe("open");
  });

  it("keeps the few-left threshold between 3 and 10 places", () => {
    expect(fewLeftThreshold(1)).toBe(3);
    expect(fewLeftThreshold(20)).toBe(3);
    expect(fewLeftThreshold(40)).toBe(6);
    expect(fewLeftThreshold(1000)).toBe(10);
  });
});
