"use client";

import { formatDay, formatTime } from "@/components/format";
import { addDays, venueDateOf, type VenueDate } from "@/domain/calendar/venue-time";
import { wantedSlots, type Schedule, type SlotShape } from "@/domain/schedule/slot-times";

/** The slots a week of these rules gives, from `from`: what Save will keep in the booking window. */
export function SchedulePreview({ schedule, shape, from, timeZone }: { schedule: Schedule; shape: SlotShape; from: VenueDate; timeZone: string }) {
  const days = Array.from({ length: 7 }, (_, day) => addDays(from, day));
  const slots = wantedSlots(schedule, shape, days, timeZone);
  return (
    <ul className="mt-3 grid gap-2" data-testid="schedule-preview">
      {days.map((day) => {
        const ofDay = slots.filter((slot) => venueDateOf(slot.startsAt, timeZone) === day);
        return (
          <li key={day} className="rounded-lg border border-line bg-white p-3 text-sm">
            <span className="font-semibold text-ink">{formatDay(day)}</span>
            <span className="ml-2 text-muted">
              {ofDay.length === 0
                ? schedule.closedDates.includes(day)
                  ? "closed"
                  : "no slots"
                : `${ofDay.length} slot${ofDay.length === 1 ? "" : "s"}: ${ofDay.map((slot) => `${formatTime(slot.startsAt.toISOString(), timeZone)} (${slot.capacity})`).join(", ")}`}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
