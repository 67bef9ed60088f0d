import type { ScheduleRule } from "../../db/schema/schedule";
import { venueInstant, type VenueDate } from "../calendar/venue-time";

export type { ScheduleRule };
export type Schedule = { rules: ScheduleRule[]; closedDates: VenueDate[] };
/** What a slot's end depends on: a show lasts its duration, an exhibition's entry slot lasts until the next start. */
export type SlotShape = { kind: "exhibition" | "show"; durationMinutes: number };
export type WantedSlot = { startsAt: Date; endsAt: Date; capacity: number };

/** "10:30" → 630; "24:00" → 1440 (a rule may run until midnight). */
export const minutesOf = (time: string): number => {
  const [hours, minutes] = time.split(":").map(Number) as [number, number];
  return hours * 60 + minutes;
};

/** 1 = Monday … 7 = Sunday. A calendar day's weekday is the same in every zone. */
export const isoWeekday = (date: VenueDate): number => new Date(`${date}T00:00:00Z`).getUTCDay() || 7;

/**
 * The slots a schedule wants on the given venue days: each rule makes one at `from`, `from + every`,
 * … while the start is before `until`, on its weekdays, none on a closed date. Two rules giving
 * one start make one slot: the one with the larger capacity wins (the earlier rule on a tie), so the
 * answer does not depend on how the rules are ordered. Sorted by start.
 */
export function wantedSlots(schedule: Schedule, shape: SlotShape, dates: VenueDate[], timeZone: string): WantedSlot[] {
  const closed = new Set(schedule.closedDates);
  const byStart = new Map<number, WantedSlot>();
  for (const date of dates) {
    if (closed.has(date)) continue;
    const weekday = isoWeekday(date);
    for (const rule of schedule.rules) {
      if (!rule.weekdays.includes(weekday)) continue;
      const length = shape.kind === "show" ? shape.durationMinutes : rule.everyMinutes;
      for (let minute = minutesOf(rule.from); minute < minutesOf(rule.until); minute += rule.everyMinutes) {
        // A clock time a DST change skips resolves to a real instant, possibly one another start has.
        const startsAt = venueInstant(date, minute, timeZone);
        const found = byStart.get(startsAt.getTime());
        if (found && found.capacity >= rule.capacity) continue;
        byStart.set(startsAt.getTime(), { startsAt, endsAt: new Date(startsAt.getTime() + length * 60_000), capacity: rule.capacity });
      }
    }
  }
  return [...byStart.values()].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}
