import Link from "next/link";
import { addDays, daysBetween, type VenueDate } from "@/domain/calendar/venue-time";
import type { DayState } from "@/domain/catalog/list-days";
import { formatDay } from "./format";

const NOTE: Record<DayState, string> = { open: "", sold_out: ", sold out", closed: ", no times left" };

/** A link for every day of the booking window, sold-out days marked, and a date field; works without JavaScript. */
export function DayPicker({ basePath, today, lastDay, selected, states }: { basePath: string; today: VenueDate; lastDay: VenueDate; selected: VenueDate; states: Map<VenueDate, DayState> }) {
  const days = Array.from({ length: daysBetween(today, lastDay) + 1 }, (_, offset) => addDays(today, offset));
  return (
    <div>
      <h3 id="day-heading" className="text-sm font-semibold uppercase tracking-wide text-muted">
        Choose a day
      </h3>
      <ul aria-labelledby="day-heading" className="mt-3 flex gap-2 overflow-x-auto pb-2" data-testid="day-picker">
        {days.map((day, offset) => {
          const current = day === selected;
          const state = states.get(day) ?? "closed";
          const [weekday, date, month] = formatDay(day).split(" ");
          return (
            <li key={day} className="shrink-0">
              <Link
                href={`${basePath}?date=${day}#times`}
                aria-current={current ? "date" : undefined}
                aria-label={`${formatDay(day, "long")}${offset === 0 ? " (today)" : ""}${NOTE[state]}`}
                data-day-status={state}
                className={`flex w-16 flex-col items-center rounded-lg border px-2 py-2 text-center leading-tight ${
                  current ? "border-accent bg-accent text-white" : state === "open" ? "border-line bg-white text-ink hover:border-accent" : "border-line bg-paper text-muted hover:border-accent"
                }`}
              >
                <span className="text-xs font-medium">{offset === 0 ? "Today" : weekday}</span>
                <span className={`text-lg font-semibold ${state === "open" ? "" : "line-through"}`}>{date}</span>
                <span className="text-xs">{state === "sold_out" ? "Sold out" : month}</span>
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
