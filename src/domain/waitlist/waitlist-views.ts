import { and, asc, eq, sql } from "drizzle-orm";
import { exhibitions, ticketTypes, timeSlots, waitlistEntries } from "../../db/schema";
import { bookableNow, salesWindow } from "../availability/slot-bookable";
import type { Ctx } from "../context";
import { DomainError } from "../errors";
import { hashToken } from "./tokens";

export type WaitlistSlot = { exhibitionTitle: string; slotId: string; startsAt: string; available: number; ticketTypes: { id: string; name: string }[] };

/**
 * What the join page shows: a bookable slot of the exhibition, its free places, the ticket types one
 * may wait for. Not a child's (requires_companion): a claimed line of those alone would be refused at
 * checkout, so joining with one is refused too (join-waitlist.ts).
 */
export async function waitlistSlot({ ctx, input }: { ctx: Ctx; input: { slug: string; slotId: string } }): Promise<WaitlistSlot> {
  const window = salesWindow(ctx.now(), ctx.settings.venueTimeZone);
  const [slot] = await ctx.db
    .select({ exhibitionId: exhibitions.id, exhibitionTitle: exhibitions.title, startsAt: timeSlots.startsAt, available: sql<number>`greatest(0, ${timeSlots.capacity} - ${timeSlots.held} - ${timeSlots.sold})` })
    .from(timeSlots)
    .innerJoin(exhibitions, eq(exhibitions.id, timeSlots.exhibitionId))
    .where(and(eq(timeSlots.id, input.slotId), eq(exhibitions.slug, input.slug), bookableNow(window)));
  if (!slot) throw new DomainError("not_found", "There is no such time slot.");
  const types = await ctx.db
    .select({ id: ticketTypes.id, name: ticketTypes.name })
    .from(ticketTypes)
    .where(and(eq(ticketTypes.exhibitionId, slot.exhibitionId), eq(ticketTypes.active, true), eq(ticketTypes.consumesCapacity, true), eq(ticketTypes.requiresCompanion, false)))
    .orderBy(asc(ticketTypes.sortOrder), asc(ticketTypes.name));
  return { exhibitionTitle: slot.exhibitionTitle, slotId: input.slotId, startsAt: slot.startsAt.toISOString(), available: slot.available, ticketTypes: types };
}

export type Offer = { exhibitionTitle: string; startsAt: string; quantity: number; ticketType: string; expiresAt: string };

/** The offer a claim link names, while it can still be claimed; undefined for any other link. */
export async function findOffer({ ctx, input }: { ctx: Ctx; input: { token: string } }): Promise<Offer | undefined> {
  const [offer] = await ctx.db
    .select({ exhibitionTitle: exhibitions.title, startsAt: timeSlots.startsAt, quantity: waitlistEntries.quantity, ticketType: ticketTypes.name, expiresAt: waitlistEntries.offerExpiresAt })
    .from(waitlistEntries)
    .innerJoin(timeSlots, eq(timeSlots.id, waitlistEntries.slotId))
    .innerJoin(exhibitions, eq(exhibitions.id, timeSlots.exhibitionId))
    .innerJoin(ticketTypes, eq(ticketTypes.id, waitlistEntries.ticketTypeId))
    .where(and(eq(waitlistEntries.offerTokenHash, hashToken(input.token)), eq(waitlistEntries.status, "offered"), sql`${waitlistEntries.offerExpiresAt} > ${ctx.now()}`));
  return offer && { ...offer, startsAt: offer.startsAt.toISOString(), expiresAt: offer.expiresAt!.toISOString() };
}
