import { asc, eq } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { cartItems, exhibitions, ticketTypes, timeSlots } from "../../db/schema";
import type { Settings } from "../context";
import { money, type Money } from "../money";

export type CartItem = {
  id: string;
  slotId: string;
  startsAt: string;
  exhibition: { slug: string; title: string };
  ticketType: { id: string; name: string };
  quantity: number;
  unitPrice: Money;
  lineTotal: Money;
  status: "held" | "expired";
  holdExpiresAt: string;
};

export type Cart = { id: string | null; items: CartItem[]; total: Money; holdExpiresAt: string | null; itemCount: number };

export const emptyCart = (currency: string): Cart => ({ id: null, items: [], total: money(0, currency), holdExpiresAt: null, itemCount: 0 });

/** A line is held only while its timer runs, whatever the sweeper has had time to record. */
export const isLive = (line: { status: "held" | "expired"; holdExpiresAt: Date }, now: Date) => line.status === "held" && line.holdExpiresAt > now;

/** The cart as API.md's Cart: lines in the order of their time, then exhibition, then ticket. */
export async function loadCart(db: Executor, cartId: string | undefined, settings: Settings, now: Date): Promise<Cart> {
  if (!cartId) return emptyCart(settings.currency);
  const rows = await db
    .select({
      id: cartItems.id,
      slotId: cartItems.slotId,
      startsAt: timeSlots.startsAt,
      slug: exhibitions.slug,
      title: exhibitions.title,
      ticketTypeId: ticketTypes.id,
      ticketTypeName: ticketTypes.name,
      ticketSort: ticketTypes.sortOrder,
      quantity: cartItems.quantity,
      priceMinor: ticketTypes.priceMinor,
      currency: ticketTypes.currency,
      status: cartItems.status,
      holdExpiresAt: cartItems.holdExpiresAt,
    })
    .from(cartItems)
    .innerJoin(timeSlots, eq(timeSlots.id, cartItems.slotId))
    .innerJoin(exhibitions, eq(exhibitions.id, timeSlots.exhibitionId))
    .innerJoin(ticketTypes, eq(ticketTypes.id, cartItems.ticketTypeId))
    .where(eq(cartItems.cartId, cartId))
    .orderBy(asc(timeSlots.startsAt), asc(exhibitions.title), asc(ticketTypes.sortOrder), asc(cartItems.id));

  const items: CartItem[] = rows.map((row) => ({
    id: row.id,
    slotId: row.slotId,
    startsAt: row.startsAt.toISOString(),
    exhibition: { slug: row.slug, title: row.title },
    ticketType: { id: row.ticketTypeId, name: row.ticketTypeName },
    quantity: row.quantity,
    unitPrice: money(row.priceMinor, row.currency),
    lineTotal: money(row.priceMinor * row.quantity, row.currency),
    status: isLive(row, now) ? "held" : "expired",
    holdExpiresAt: row.holdExpiresAt.toISOString(),
  }));
  const held = items.filter((item) => item.status === "held");
  return {
    id: cartId,
    items,
    total: money(
      held.reduce((sum, item) => sum + item.lineTotal.amount, 0),
      settings.currency,
    ),
    holdExpiresAt: held.length > 0 ? held.map((item) => item.holdExpiresAt).sort()[0]! : null,
    itemCount: items.reduce((sum, item) => sum + item.quantity, 0),
  };
}
