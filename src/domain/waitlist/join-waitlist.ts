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
 * while it waits or holds an offer gets the same answer and changes nothing, so nobody can learn
 * from the answer who is waiting. An address whose entry is over (left, lapsed, or claimed and
 * perhaps since expired in the cart) is put back at the end of the line, as a new joiner would be.
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
    // The address's entry, if any, before the slot, as claiming, leaving and cancelling take them:
    // a rejoin updates it, and taking the slot first would deadlock with a leave of its offer.
    await db.execute(sql`SELECT 1 FROM waitlist_entries WHERE slot_id = ${slot.id} AND email = ${email} FOR UPDATE`);
    // Locks the slot: whether it is sold out cannot change until this entry is in line.
    await releaseExpiredHoldsOfSlot(db, slot.id, now);
    const [places] = await db.select({ free: sql<number>`${timeSlots.capacity} - ${timeSlots.held} - ${timeSlots.sold}` }).from(timeSlots).where(eq(timeSlots.id, slot.id));
    const free = places?.free ?? 0;
    if (free > 0) throw new DomainError("not_sold_out", `This time still has ${free} ${free === 1 ? "place" : "places"}: book them instead.`, { available: free });

    const ticketType = await waitlistTicketType(ctx, slot.exhibitionId, input.ticketTypeId);
    const token = newToken();
    const leaveTokenHash = hashToken(token);
    const offerSeconds = settings.waitlistHoldSeconds ?? DEFAULT_WAITLIST_HOLD_SECONDS;
    const [entry] = await db
      .insert(waitlistEntries)
      .values({ slotId: slot.id, ticketTypeId: ticketType, email, quantity: input.quantity, locale: input.locale, leaveTokenHash, offerSeconds, createdAt: now })
      .onConflictDoUpdate({
        target: [waitlistEntries.slotId, waitlistEntries.email],
        // The end of the line: a new number from the line's own sequence, as a new entry would get.
        set: { ticketTypeId: ticketType, quantity: input.quantity, locale: input.locale, leaveTokenHash, offerSeconds, createdAt: now, status: "waiting", offerTokenHash: null, offeredAt: null, offerExpiresAt: null, line: sql`nextval(pg_get_serial_sequence('waitlist_entries', 'line'))` },
        setWhere: sql`${waitlistEntries.status} IN ('left', 'lapsed', 'claimed')`,
      })
      .returning({ id: waitlistEntries.id });
    if (entry) await db.insert(outbox).values({ kind: WAITLIST_MAILS.joined, subjectId: entry.id, payload: { token } });
    return { slotId: slot.id, quantity: input.quantity };
  });
}

/**
 * The ticket type asked for, which must take a place and be on sale; by default the exhibition's
 * first such type. A type sold only beside an adult's (a child's) cannot be waited for: the claim
 * puts the offered places in a cart on their own, and checkout refuses such a line alone
 * (companion_required), so the places would be held for a booking that can never be made.
 */
async function waitlistTicketType({ db }: Ctx, exhibitionId: string, wanted: string | undefined): Promise<string> {
  const [type] = await db
    .select({ id: ticketTypes.id, requiresCompanion: ticketTypes.requiresCompanion })
    .from(ticketTypes)
    .where(and(eq(ticketTypes.exhibitionId, exhibitionId), eq(ticketTypes.active, true), eq(ticketTypes.consumesCapacity, true), wanted ? eq(ticketTypes.id, wanted) : eq(ticketTypes.requiresCompanion, false)))
    .orderBy(asc(ticketTypes.sortOrder), asc(ticketTypes.name))
    .limit(1);
  if (!type) throw new DomainError("ticket_type_unavailable", "That ticket type cannot be waited for at this time.");
  if (type.requiresCompanion) throw new DomainError("companion_required", "Children's tickets cannot be waited for on their own: join the line with an adult's ticket.");
  return type.id;
}
