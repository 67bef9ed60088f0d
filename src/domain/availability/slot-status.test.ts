import { describe, expect, it } from "vitest";
import { fewLeftThreshold, slotState } from "./slot-status";

const now = new Date("2026-11-21T06:00:00Z");
const later = new Date("2026-11-21T08:00:00Z");

describe("slot state", () => {
  it("is closed once the slot has started, or when cancelled", () => {
    expect(slotState({ status: "open", startsAt: now, capacity: 20, available: 20 }, now)).toBe("closed");
    expect(slotState({ status: "open", startsAt: new Date("2026-11-21T05:00:00Z"), capacity: 20, available: 20 }, now)).toBe("closed");
    expect(slotState({ status: "cancelled", startsAt: later, capacity: 20, available: 20 }, now)).toBe("closed");
  });

  it("is sold out with no places, few-left near the end, open otherwise", () => {
    expect(slotState({ status: "open", startsAt: later, capacity: 20, available: 0 }, now)).toBe("sold_out");
    expect(slotState({ status: "open", startsAt: later, capacity: 20, available: 3 }, now)).toBe("few_left");
    expect(slotState({ status: "open", startsAt: later, capacity: 20, available: 4 }, now)).toBe("open");
    expect(slotState({ status: "open", startsAt: later, capacity: 120, available: 10 }, now)).toBe("few_left");
    expect(slotState({ status: "open", startsAt: later, capacity: 120, available: 11 }, now)).toBe("open");
  });

  it("keeps the few-left threshold between 3 and 10 places", () => {
    expect(fewLeftThreshold(1)).toBe(3);
    expect(fewLeftThreshold(20)).toBe(3);
    expect(fewLeftThreshold(40)).toBe(6);
    expect(fewLeftThreshold(1000)).toBe(10);
  });
});
