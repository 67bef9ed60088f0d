import { and, asc, eq, gt, inArray, ne } from "drizzle-orm";
import { exhibitions, ticketTypes, timeSlots } from "../../db/schema";
import type { VenueDate } from "../calendar/venue-time";
import { startingOn } from "../catalog/day-sheet";
import type { Ctx } from "../context";
import { money, type Money } from "../money";
import { authorize } from "../staff/authorize";

export type CounterSlot = { id: string; startsAt: string; endsAt: string; placesLeft: number; closedOnline: boolean };
export type CounterTicketType = { id: string; name: string; price: Money; consumesCapacity: boolean };
export type CounterExhibition = { id: string; slug: string; title: string; ticketTypes: CounterTicketType[]; slots: CounterSlot[] };

/**
 * What the counter can sell on a venue day: each published exhibition with its active ticket types
 * and the day's slots it may still sell into (not cancelled, not over; closed online or not), with
 * the places left in each. Exhibitions with none are left out.
 */
export async function counterDay({ ctx, input }: { ctx: Ctx; input: { date: VenueDate } }): Promise<CounterExhibition[]> {
  authorize(ctx, "staff");
  const slots = await ctx.db
    .select({ slot: timeSlots, slug: exhibitions.slug, title: exhibitions.title })
    .from(timeSlots)
    .innerJoin(exhibitions, eq(exhibitions.id, timeSlots.exhibitionId))
    .where(and(startingOn(ctx, input.date, input.date), eq(exhibitions.status, "published"), ne(timeSlots.status, "cancelled"), gt(timeSlots.endsAt, ctx.now())))
    .orderBy(asc(exhibitions.title), asc(timeSlots.startsAt));
  if (slots.length === 0) return [];
  const types = await ctx.db
    .select()
    .from(ticketTypes)
    .where(and(inArray(ticketTypes.exhibitionId, [...new Set(slots.map(({ slot }) => slot.exhibitionId))]), eq(ticketTypes.active, true)))
    .orderBy(asc(ticketTypes.sortOrder), asc(ticketTypes.priceMinor));
  const shown = new Map<string, CounterExhibition>();
  for (const { slot, slug, title } of slots) {
    const exhibition = shown.get(slot.exhibitionId) ?? {
      id: slot.exhibitionId,
      slug,
      title,
      ticketTypes: types.filter((type) => type.exhibitionId === slot.exhibitionId).map((type) => ({ id: type.id, name: type.name, price: money(type.priceMinor, ctx.settings.currency), consumesCapacity: type.consumesCapacity })),
      slots: [],
    };
    exhibition.slots.push({ id: slot.id, startsAt: slot.startsAt.toISOString(), endsAt: slot.endsAt.toISOString(), placesLeft: Math.max(0, slot.capacity - slot.held - slot.sold), closedOnline: slot.status !== "open" });
    shown.set(slot.exhibitionId, exhibition);
  }
  return [...shown.values()].filter((exhibition) => exhibition.ticketTypes.length > 0);
}
