import { describe, expect, it } from "vitest";
import type { Slot } from "@/domain/catalog/list-slots";
import { nearestWithRoom } from "./nearest-slots";

const slot = (time: string, available: number, status: Slot["status"] = available === 0 ? "sold_out" : "open"): Slot => ({
  id: time,
  startsAt: `2026-12-01T${time}:00.000Z`,
  endsAt: `2026-12-01T${time}:30.000Z`,
  capacity: 20,
  available,
  status,
});

describe("the nearest times with room", () => {
  const day = [slot("10:00", 20), slot("10:30", 0), slot("11:00", 0), slot("11:30", 2, "few_left"), slot("12:00", 20), slot("12:30", 20, "closed"), slot("13:00", 20)];

  it("are the closest bookable times with room for the places, in time order", () => {
    expect(nearestWithRoom(day, day[2]!, 3).map((found) => found.id)).toEqual(["10:00", "12:00", "13:00"]);
    expect(nearestWithRoom(day, day[2]!, 2).map((found) => found.id)).toEqual(["10:00", "11:30", "12:00"]);
  });

  it("need room for one place when only free tickets are chosen, and never offer the chosen time", () => {
    expect(nearestWithRoom(day, day[0]!, 0, 2).map((found) => found.id)).toEqual(["11:30", "12:00"]);
  });
});
