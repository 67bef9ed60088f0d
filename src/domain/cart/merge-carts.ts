import { and, eq } from "drizzle-orm";
import { cartItems, carts, orders } from "../../db/schema";
import { holdPlaces } from "../availability/hold-places";
import { lockSlots, releaseHold } from "../availability/holds";
import { salesWindow } from "../availability/slot-bookable";
import { withTransaction, type Ctx } from "../context";
import { isDomainError } from "../errors";
import { addressRoom, lockAddresses } from "./address-places";
import { cartLines, settleExpiredLines, type Line } from "./cart-lines";
import type { CartOwner } from "./cart-owner";
import { findCartId, lockCart, lockCartsById } from "./cart-lock";
import { capHold } from "./hold-expiry";
import { loadCart, type Cart } from "./cart-view";
import { describeRefusals } from "./describe-refusals";

export type Refusal = { slotId: string; ticketTypeId: string; quantity: number; reason: "limit_exceeded" | "insufficient_capacity" | "slot_closed" };
export type RefusedLine = Refusal & { startsAt: string; exhibition: { slug: string; title: string }; ticketType: { name: string } };

const later = (a: Date, b: Date) => (a > b ? a : b);
const earlier = (a: Date, b: Date) => (a < b ? a : b);

/**
 * Moves every line of `from`'s cart into `into`'s, in one transaction, and deletes `from`'s cart.
 * Lines for the same slot and ticket type add up to at most the limit, and the cart stays within
 * its own limits and, signing in from `address`, within that address's cap (the merged cart's
 * places count against it from then on); what does not fit is refused, its places given back,
 * and reported. Held places move with their timers. Running it
 * again finds no `from` cart and changes nothing. `into`'s cart exists afterwards, even empty, so
 * that every device of its owner can follow it live from the start.
 */
export async function mergeCarts({ ctx, input }: { ctx: Ctx; input: { from?: CartOwner; into: CartOwner; address?: string } }): Promise<{ cart: Cart; refused: RefusedLine[] }> {
  return withTransaction(ctx, async ({ db }) => {
    const now = ctx.now();
    const { from, into, address } = input;
    if (address) await lockAddresses(db, [address]);
    const fromId = from && (await findCartId(db, from));
    const { id: intoId } = await lockCart(db, into, now);
    if (!from || !fromId || fromId === intoId) return { cart: await loadCart(db, intoId, ctx.settings, now), refused: [] };
    await lockCartsById(db, [fromId, intoId]);
    if (!(await findCartId(db, from))) return { cart: await loadCart(db, intoId, ctx.settings, now), refused: [] };

    await lockSlots(db, [...(await cartLines(db, fromId)), ...(await cartLines(db, intoId))].map((line) => line.slotId));
    await settleExpiredLines(db, fromId, now, []);
    await settleExpiredLines(db, intoId, now, []);
    const target = await cartLines(db, intoId);
    const source = (await cartLines(db, fromId)).sort((a, b) => a.slotId.localeCompare(b.slotId));
    const { maxTicketsPerOrder: limit, maxCartTickets, maxCartLines } = ctx.settings;
    // Places the merged cart may take beyond those it holds. When its own do not fit the address,
    // they stay counted where they are, and the guest's held places are not moved there either.
    let room = address ? await addressRoom(db, { address, owner: into, cartIds: [fromId, intoId], lines: target, now, settings: ctx.settings }) : Infinity;
    const rekey = address !== undefined && room >= 0;
    room = Math.max(0, room);
    const refused: Refusal[] = [];
    const refuse = (line: Line, quantity: number, reason: Refusal["reason"]) =>
      quantity > 0 && refused.push({ slotId: line.slotId, ticketTypeId: line.ticketTypeId, quantity, reason });

    for (const line of source) {
      const same = target.find((candidate) => candidate.slotId === line.slotId && candidate.ticketTypeId === line.ticketTypeId);
      const slotTotal = target.filter((candidate) => candidate.slotId === line.slotId).reduce((sum, candidate) => sum + candidate.quantity, 0);
      const cartTotal = target.reduce((sum, candidate) => sum + candidate.quantity, 0);
      const places = line.status === "held" && line.consumesCapacity ? room : Infinity;
      const accepted = Math.max(0, Math.min(line.quantity, limit - slotTotal, maxCartTickets - cartTotal, places, same || target.length < maxCartLines ? Infinity : 0));
      if (places !== Infinity) room -= accepted;
      refuse(line, line.quantity - accepted, "limit_exceeded");
      if (line.status === "held" && line.consumesCapacity && accepted < line.quantity) await releaseHold(db, line.slotId, line.quantity - accepted);

      if (accepted === 0) continue;
      if (!same) {
        await db.update(cartItems).set({ cartId: intoId, quantity: accepted }).where(eq(cartItems.id, line.id));
        target.push({ ...line, cartId: intoId, quantity: accepted });
        continue;
      }
      Object.assign(same, await combine(same, line, accepted));
    }

    await db.delete(cartItems).where(eq(cartItems.cartId, fromId));
    // The guest's unpaid orders follow their cart: signed in, the visitor still sees them waiting for payment.
    await db.update(orders).set({ cartId: intoId }).where(eq(orders.cartId, fromId));
    await db.delete(carts).where(eq(carts.id, fromId));
    if (rekey) await db.update(cartItems).set({ clientAddress: address }).where(and(eq(cartItems.cartId, intoId), eq(cartItems.status, "held")));
    return { cart: await loadCart(db, intoId, ctx.settings, now), refused: await describeRefusals(db, refused) };

    /** One line from two. Places already held stay held; the side that holds none is held now if the slot has room, else refused. */
    async function combine(into: Line, from: Line, accepted: number): Promise<Partial<Line>> {
      const intoHeld = into.status === "held";
      const fromHeld = from.status === "held";
      const unheld = intoHeld === fromHeld ? 0 : intoHeld ? accepted : into.quantity;
      let quantity = into.quantity + accepted;
      if (unheld > 0 && into.consumesCapacity) {
        const refusal = unheld > room ? "limit_exceeded" : await holdPlaces(db, into.slotId, unheld, salesWindow(now, ctx.settings.venueTimeZone)).then(() => undefined, (error: unknown) => {
          if (!isDomainError(error)) throw error;
          return error.code === "slot_closed" ? ("slot_closed" as const) : ("insufficient_capacity" as const);
        });
        if (refusal) {
          quantity -= unheld;
          refused.push({ slotId: into.slotId, ticketTypeId: into.ticketTypeId, quantity: unheld, reason: refusal });
        } else {
          room -= unheld;
        }
      }
      const heldAt = earlier(into.heldAt, from.heldAt);
      // Both held: the later timer carries over, but the places first held at heldAt still go at HOLD_MAX.
      const timers = !fromHeld ? into : !intoHeld ? from : { heldAt, holdExpiresAt: capHold(heldAt, later(into.holdExpiresAt, from.holdExpiresAt), ctx.settings) };
      // The price goes with the hold: a held line keeps its own, for what is added to it too; of two, the first held.
      const price = !fromHeld || (intoHeld && into.heldAt <= from.heldAt) ? into : from;
      const values = { quantity, status: intoHeld || fromHeld ? ("held" as const) : ("expired" as const), heldAt: timers.heldAt, holdExpiresAt: timers.holdExpiresAt, unitPriceMinor: price.unitPriceMinor };
      await db.update(cartItems).set(values).where(eq(cartItems.id, into.id));
      return values;
    }
  });
}
