import { eq, sql } from "drizzle-orm";
import { cartItems, ticketTypes } from "../../db/schema";
import { keepBookable, lockSlots, releaseHold } from "../availability/holds";
import { salesWindow } from "../availability/slot-bookable";
import { withTransaction, type Ctx } from "../context";
import { DomainError } from "../errors";
import { lockCart } from "../cart/cart-lock";
import { cartLines, rearmHolds, settleExpiredLines } from "../cart/cart-lines";
import type { CartOwner } from "../cart/cart-owner";
import { loadCart, type Cart } from "../cart/cart-view";
import { holdExpiry } from "../cart/hold-expiry";
import { checkCartLimits, checkSlotLimit } from "../cart/limits";
import { hashToken } from "./tokens";

/**
 * Moves an offer's places into the claimant's cart as a held line, once: the places stay in the
 * slot's `held` throughout, they only change from the offer's to the cart line's. The claimant then
 * checks out as anyone does. A spent, lapsed, left or unknown link is one and the same refusal.
 * So is an offer of a ticket type taken off sale since joining; that offer lapses at once and its
 * places go on to the next in line (migration 0019's trigger) or to the public.
 */
export async function claimOffer({ ctx, input }: { ctx: Ctx; input: { token: string; owner: CartOwner; address?: string } }): Promise<Cart> {
  const claimed = await withTransaction(ctx, async ({ db, settings }) => {
    const now = ctx.now();
    const { rows } = await db.execute<{ slot_id: string; ticket_type_id: string; quantity: number; on_sale: boolean }>(sql`
      UPDATE waitlist_entries SET status = 'claimed'
      WHERE offer_token_hash = ${hashToken(input.token)} AND status = 'offered' AND offer_expires_at > ${now}
      RETURNING slot_id, ticket_type_id, quantity, (SELECT active FROM ticket_types WHERE id = ticket_type_id) AS on_sale`);
    const offer = rows[0];
    if (!offer) throw new DomainError("not_found", "This offer has been used or has run out.");
    if (!offer.on_sale) {
      // Committed, then refused: the places must not stay held for a ticket nobody can buy.
      await db.execute(sql`UPDATE waitlist_entries SET status = 'lapsed' WHERE offer_token_hash = ${hashToken(input.token)}`);
      await lockSlots(db, [offer.slot_id]);
      await releaseHold(db, offer.slot_id, offer.quantity);
      return undefined;
    }
    // A slot cancelled or closed since the offer was made: its places are nobody's to book.
    if (!(await keepBookable(db, offer.slot_id, salesWindow(now, settings.venueTimeZone)))) throw new DomainError("slot_closed", "This time is no longer on sale.");
    const cart = await lockCart(db, input.owner, now);
    // Lock order, as in leaving: the entry, then the slots (the trigger and the sweeper, which take a
    // slot first, skip a locked entry, so none of them waits for the other).
    if (!cart.created) await settleExpiredLines(db, cart.id, now, []);
    const lines = await cartLines(db, cart.id);
    const line = lines.find((one) => one.slotId === offer.slot_id && one.ticketTypeId === offer.ticket_type_id);
    const stillHeld = line?.status === "held";
    const quantity = (stillHeld ? line.quantity : 0) + offer.quantity;
    checkSlotLimit(lines, offer.slot_id, { lineId: line?.id ?? "new", quantity }, settings);
    checkCartLimits(lines, { lineId: line?.id ?? "new", quantity }, settings);
    const [type] = await db.select({ priceMinor: ticketTypes.priceMinor }).from(ticketTypes).where(eq(ticketTypes.id, offer.ticket_type_id));
    if (line && stillHeld) {
      await db.update(cartItems).set({ quantity }).where(eq(cartItems.id, line.id));
    } else if (line) {
      // An expired line held no places: the offer's replace it, at today's price.
      await db.update(cartItems).set({ quantity, status: "held", heldAt: now, holdExpiresAt: holdExpiry(now, now, settings), unitPriceMinor: type!.priceMinor, renewals: 0 }).where(eq(cartItems.id, line.id));
    } else {
      await db.insert(cartItems).values({ cartId: cart.id, slotId: offer.slot_id, ticketTypeId: offer.ticket_type_id, quantity, unitPriceMinor: type!.priceMinor, status: "held", heldAt: now, holdExpiresAt: holdExpiry(now, now, settings), clientAddress: input.address });
    }
    await rearmHolds(db, cart.id, now, settings);
    return loadCart(db, cart.id, settings, now);
  });
  if (!claimed) throw new DomainError("not_found", "This offer has been used or has run out.");
  return claimed;
}
