import { and, asc, eq, gte, lt } from "drizzle-orm";
import { exhibitions, timeSlots } from "../../db/schema";
import { addDays, venueInstant, type VenueDate } from "../calendar/venue-time";
import type { Ctx } from "../context";

export type SheetSlot = { id: string; exhibition: { slug: string; title: string }; startsAt: string; endsAt: string; status: string; capacity: number; held: number; sold: number };

/** A venue day's slots of every exhibition, published or not, with their counts: what the door and the box office need. */
export async function daySheet({ ctx, input }: { ctx: Ctx; input: { date: VenueDate } }): Promise<SheetSlot[]> {
  const zone = ctx.settings.venueTimeZone;
  const rows = await ctx.db
    .select({ slot: timeSlots, slug: exhibitions.slug, title: exhibitions.title })
    .from(timeSlots)
    .innerJoin(exhibitions, eq(exhibitions.id, timeSlots.exhibitionId))
    .where(and(gte(timeSlots.startsAt, venueInstant(input.date, 0, zone)), lt(timeSlots.startsAt, venueInstant(addDays(input.date, 1), 0, zone))))
    .orderBy(asc(timeSlots.startsAt), asc(exhibitions.title));
  return rows.map(({ slot, slug, title }) => ({
    id: slot.id,
    exhibition: { slug, title },
    startsAt: slot.startsAt.toISOString(),
    endsAt: slot.endsAt.toISOString(),
    status: slot.status,
    capacity: slot.capacity,
    held: slot.held,
    sold: slot.sold,
  }));
}
