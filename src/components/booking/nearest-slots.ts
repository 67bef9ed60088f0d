import type { Slot } from "@/domain/catalog/list-slots";

/** The day's other times with room for `places`, nearest to the chosen one first, at most `count`, shown in time order. */
export function nearestWithRoom(slots: Slot[], chosen: Slot, places: number, count = 3): Slot[] {
  const from = Date.parse(chosen.startsAt);
  return slots
    .filter((slot) => slot.id !== chosen.id && (slot.status === "open" || slot.status === "few_left") && slot.available >= Math.max(places, 1))
    .sort((a, b) => Math.abs(Date.parse(a.startsAt) - from) - Math.abs(Date.parse(b.startsAt) - from))
    .slice(0, count)
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
}
