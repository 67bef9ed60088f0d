import Link from "next/link";
import { addDays, type VenueDate } from "@/domain/calendar/venue-time";
import { formatDay } from "./format";

const QUICK_DAYS = 14;

/** Links for the next two weeks and a date field for any later day; works without JavaScript. */
export function DayPicker({ basePath, today, lastDay, selected }: { basePath: string; today: VenueDate; lastDay: VenueDate; selected: VenueDate }) {
  const days = Array.from({ length: QUICK_DAYS }, (_, offset) => addDays(today, offset));
  return (
    <div>
      <h3 id="day-heading" className="text-sm font-semibold uppercase tracking-wide text-muted">
        Choose a day
      </h3>
      <ul aria-labelledby="day-heading" className="mt-3 flex gap-2 overflow-x-auto pb-2" data-testid="day-picker">
        {days.map((day, offset) => {
          const current = day === selected;
          const [weekday, date, month] = formatDay(day).split(" ");
          return (
            <li key={day} className="shrink-0">
              <Link
                href={`${basePath}?date=${day}#times`}
                aria-current={current ? "date" : undefined}
                aria-label={`${formatDay(day, "long")}${offset === 0 ? " (today)" : ""}`}
                className={`flex w-16 flex-col items-center rounded-lg border px-2 py-2 text-center leading-tight ${
                  current ? "border-accent bg-accent text-white" : "border-line bg-white text-ink hover:border-accent"
                }`}
              >
                <span className="text-xs font-medium">{offset === 0 ? "Today" : weekday}</span>
                <span className="text-lg font-semibold">{date}</span>
                <span className="text-xs">{month}</span>
              </Link>
            </li>
          );
        })}
      </ul>
      <form method="get" action={`${basePath}#times`} className="mt-3 flex flex-wrap items-end gap-2">
        <label className="flex flex-col text-sm font-medium text-ink">
          Another day
          <input
            type="date"
            name="date"
            min={today}
            max={lastDay}
            defaultValue={selected}
            required
            className="mt-1 rounded-lg border border-line bg-white px-3 py-2 text-ink"
          />
        </label>
        <button type="submit" className="rounded-lg border border-accent px-4 py-2 text-sm font-semibold text-accent hover:bg-accent hover:text-white">
          Show times
        </button>
      </form>
    </div>
  );
}
