import { and, asc, eq, gte, lt } from "drizzle-orm";
import { exhibitions, timeSlots } from "../../db/schema";
import { salesWindow } from "../availability/slot-bookable";
import { availabilityOf } from "../availability/slot-availability";
import type { SlotState } from "../availability/slot-status";
import { addDays, daysBetween, venueDateOf, venueInstant, type VenueDate } from "../calendar/venue-time";
import type { Ctx } from "../context";
import { DomainError } from "../errors";

export type Slot = { id: string; startsAt: string; endsAt: string; capacity: number; available: number; status: SlotState };

export const MAX_SLOT_RANGE_DAYS = 92;
const DEFAULT_RANGE_DAYS = 14;

/**
 * The slots of a published exhibition whose start falls on the venue days `from`..`to` (inclusive,
 * at most 92 days; by default today and the 13 days after).
 */
export async function listSlots({ ctx, input }: { ctx: Ctx; input: { slug: string; from?: VenueDate; to?: VenueDate } }): Promise<Slot[]> {
  const zone = ctx.settings.venueTimeZone;
  const now = ctx.now();
  const from = input.from ?? venueDateOf(now, zone);
  const to = input.to ?? addDays(from, DEFAULT_RANGE_DAYS - 1);
  const span = daysBetween(from, to) + 1;
  if (span < 1) throw new DomainError("invalid_request", "The end date is before the start date.", { fields: { to: "must not be before from" } });
  if (span > MAX_SLOT_RANGE_DAYS) {
    throw new DomainError("invalid_request", `Ask for at most ${MAX_SLOT_RANGE_DAYS} days at a time.`, { fields: { to: `must be within ${MAX_SLOT_RANGE_DAYS} days of from` } });
  }

  const [exhibition] = await ctx.db
    .select({ id: exhibitions.id, status: exhibitions.status })
    .from(exhibitions)
    .where(and(eq(exhibitions.slug, input.slug), eq(exhibitions.status, "published")));
  if (!exhibition) throw new DomainError("not_found", "There is no such exhibition.");

  const rows = await ctx.db
    .select()
    .from(timeSlots)
    .where(
      and(
        eq(timeSlots.exhibitionId, exhibition.id),
        gte(timeSlots.startsAt, venueInstant(from, 0, zone)),
        lt(timeSlots.startsAt, venueInstant(addDays(to, 1), 0, zone)),
      ),
    )
    .orderBy(asc(timeSlots.startsAt));

  const window = salesWindow(now, zone);
  return rows.map((row) => ({
    id: row.id,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    capacity: row.capacity,
    ...availabilityOf({ ...row, exhibitionStatus: exhibition.status }, window),
  }));
}
