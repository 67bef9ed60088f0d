import Link from "next/link";
import { addDays } from "@/domain/calendar/venue-time";
import { BUTTON } from "../slots/slot-row";

const dayLink = (date: string) => `/staff/day?date=${date}`;

/** Which day the board shows: a plain GET form, so it works before (and without) the page's script. */
export function DayPicker({ date, today }: { date: string; today: string }) {
  return (
    <form method="get" action="/staff/day" aria-label="Day" className="mt-6 flex flex-wrap items-end gap-3">
      <div>
        <label htmlFor="day-board-date" className="block text-sm font-semibold">Day</label>
        <input id="day-board-date" name="date" type="date" defaultValue={date} required className="mt-1 rounded-lg border border-line bg-white px-3 py-2" />
      </div>
      <button type="submit" className={BUTTON}>Show</button>
      <Link href={dayLink(addDays(date, -1))} className={BUTTON}>Previous day</Link>
      <Link href={dayLink(addDays(date, 1))} className={BUTTON}>Next day</Link>
      {date !== today && <Link href={dayLink(today)} className={BUTTON}>Today</Link>}
    </form>
  );
}
