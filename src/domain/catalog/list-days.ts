import { venueDateOf, type VenueDate } from "../calendar/venue-time";
import type { Ctx } from "../context";
import { lastBookableDay } from "./booking-window";
import { listSlots } from "./list-slots";

export type DayState = "open" | "sold_out" | "closed";
export type Day = { date: VenueDate; status: DayState };

/**
 * The booking window's days for an exhibition: open while one slot can still be booked, sold out
 * when none can and some sold out, closed otherwise (past times, cancelled, no times at all).
 */
export async function listDays({ ctx, input }: { ctx: Ctx; input: { slug: string } }): Promise<Day[]> {
  const today = venueDateOf(ctx.now(), ctx.settings.venueTimeZone);
  const slots = await listSlots({ ctx, input: { slug: input.slug, from: today, to: lastBookableDay(today) } });
  const byDay = new Map<VenueDate, DayState>();
  for (const slot of slots) {
    const date = venueDateOf(new Date(slot.startsAt), ctx.settings.venueTimeZone);
    const bookable = slot.status === "open" || slot.status === "few_left";
    const current = byDay.get(date) ?? "closed";
    byDay.set(date, current === "open" || bookable ? "open" : slot.status === "sold_out" ? "sold_out" : current);
  }
  return [...byDay.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([date, status]) => ({ date, status }));
}
