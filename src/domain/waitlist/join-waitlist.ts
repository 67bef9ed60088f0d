import { and, asc, eq, sql } from "drizzle-orm";
import { exhibitions, outbox, ticketTypes, timeSlots, waitlistEntries } from "../../db/schema";
import { releaseExpiredHoldsOfSlot } from "../availability/release-expired-holds";
import { holdRefusal } from "../availability/hold-places";
import { bookableNow, salesWindow } from "../availability/slot-bookable";
import { withTransaction, type Ctx } from "../context";
import { DomainError } from "../errors";
import { DEFAULT_WAITLIST_HOLD_SECONDS, hashToken, newToken, WAITLIST_MAILS } from "./tokens";

export type JoinRequest = { exhibitionSlug: string; slotId: string; email: string; quantity: number; ticketTypeId?: string; locale: string };

/**
 * Puts an e-mail address in line for a sold-out slot. The same address joining the same slot again
 * gets the same answer and changes nothing, so nobody can learn from the answer who is waiting.
 * A slot with room (once its expired holds are given back) is refused: the places are the public's.
 */
export async function joinWaitlist({ ctx, input }: { ctx: Ctx; input: JoinRequest }): Promise<{ slotId: string; quantity: number }> {
  const email = input.email.trim().toLowerCase();
  if (input.quantity < 1 || input.quantity > ctx.settings.maxTicketsPerOrder) {
    throw new DomainError("limit_exceeded", `At most ${ctx.settings.maxTicketsPerOrder} tickets per booking.`, { limit: ctx.settings.maxTicketsPerOrder });
  }
  return withTransaction(ctx, async ({ db, settings }) => {
    const now = ctx.now();
    const window = salesWindow(now, settings.venueTimeZone);
    const [slot] = await db
      .select({ id: timeSlots.id, exhibitionId: timeSlots.exhibitionId })
      .from(timeSlots)
      .innerJoin(exhibitions, eq(exhibitions.id, timeSlots.exhibitionId))
      .where(and(eq(timeSlots.id, input.slotId), eq(exhibitions.slug, input.exhibitionSlug), bookableNow(window)));
    if (!slot) {
      const refusal = await holdRefusal(db, input.slotId, window);
      throw refusal.code === "sold_out" || refusal.code === "insufficient_capacity" ? new DomainError("not_found", "There is no such time slot.") : refusal;
    }
    // Locks the slot: whether it is sold out cannot change until this entry is in line.
    await releaseExpiredHoldsOfSlot(db, slot.id, now);
    const [places] = await db.select({ free: sql<number>`${timeSlots.capacity} - ${timeSlots.held} - ${timeSlots.sold}` }).from(timeSlots).where(eq(timeSlots.id, slot.id));
    const free = places?.free ?? 0;
    if (free > 0) throw new DomainError("not_sold_out", `This time still has ${free} ${free === 1 ? "place" : "places"}: book them instead.`, { available: free });

    const ticketType = await waitlistTicketType(ctx, slot.exhibitionId, input.ticketTypeId);
    const token = newToken();
    const [entry] = await db
      .insert(waitlistEntries)
      .values({ slotId: slot.id, ticketTypeId: ticketType, email, quantity: input.quantity, locale: input.locale, leaveTokenHash: hashToken(token), offerSeconds: settings.waitlistHoldSeconds ?? DEFAULT_WAITLIST_HOLD_SECONDS, createdAt: now })
      .onConflictDoNothing({ target: [waitlistEntries.slotId, waitlistEntries.email] })
      .returning({ id: waitlistEntries.id });
    if (entry) await db.insert(outbox).values({ kind: WAITLIST_MAILS.joined, subjectId: entry.id, payload: { token } });
    return { slotId: slot.id, quantity: input.quantity };
  });
}

/** The ticket type asked for, which must take a place and be on sale; by default the exhibition's first such type. */
async function waitlistTicketType({ db }: Ctx, exhibitionId: string, wanted: string | undefined): Promise<string> {
  const [type] = await db
    .select({ id: ticketTypes.id })
    .from(ticketTypes)
    .where(and(eq(ticketTypes.exhibitionId, exhibitionId), eq(ticketTypes.active, true), eq(ticketTypes.consumesCapacity, true), wanted ? eq(ticketTypes.id, wanted) : undefined))
    .orderBy(asc(ticketTypes.sortOrder), asc(ticketTypes.name))
    .limit(1);
  if (!type) throw new DomainError("ticket_type_unavailable", "That ticket type cannot be waited for at this time.");
  return type.id;
}
