import { asc, eq, inArray } from "drizzle-orm";
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
  return (await loadCarts(db, [cartId], settings, now)).get(cartId)!;
}

/** Several carts at once, by id, in one query. */
export async function loadCarts(db: Executor, cartIds: string[], settings: Settings, now: Date): Promise<Map<string, Cart>> {
  const rows = await db
    .select({
      cartId: cartItems.cartId,
      id: cartItems.id,
      slotId: cartItems.slotId,
      startsAt: timeSlots.startsAt,
      slug: exhibitions.slug,
      title: exhibitions.title,
      ticketTypeId: ticketTypes.id,
      ticketTypeName: ticketTypes.name,
      ticketSort: ticketTypes.sortOrder,
      quantity: cartItems.quantity,
      heldPriceMinor: cartItems.unitPriceMinor,
      priceNowMinor: ticketTypes.priceMinor,
      status: cartItems.status,
      holdExpiresAt: cartItems.holdExpiresAt,
    })
    .from(cartItems)
    .innerJoin(timeSlots, eq(timeSlots.id, cartItems.slotId))
    .innerJoin(exhibitions, eq(exhibitions.id, timeSlots.exhibitionId))
    .innerJoin(ticketTypes, eq(ticketTypes.id, cartItems.ticketTypeId))
    .where(inArray(cartItems.cartId, cartIds))
    .orderBy(asc(timeSlots.startsAt), asc(exhibitions.title), asc(ticketTypes.sortOrder), asc(cartItems.id));
  const byCart = new Map<string, Row[]>();
  for (const row of rows) {
    const list = byCart.get(row.cartId);
    if (list) list.push(row);
    else byCart.set(row.cartId, [row]);
  }
  return new Map(cartIds.map((cartId) => [cartId, toCart(cartId, byCart.get(cartId) ?? [], settings, now)]));
}

type Row = { id: string; slotId: string; startsAt: Date; slug: string; title: string; ticketTypeId: string; ticketTypeName: string; quantity: number; heldPriceMinor: number; priceNowMinor: number; status: "held" | "expired"; holdExpiresAt: Date };

/** A held line shows the price its hold was taken at; an expired one what holding it again costs now. */
function toItem(row: Row, settings: Settings, now: Date): CartItem {
  const status = isLive(row, now) ? "held" : "expired";
  const unitMinor = status === "held" ? row.heldPriceMinor : row.priceNowMinor;
  return {
    id: row.id,
    slotId: row.slotId,
    startsAt: row.startsAt.toISOString(),
    exhibition: { slug: row.slug, title: row.title },
    ticketType: { id: row.ticketTypeId, name: row.ticketTypeName },
    quantity: row.quantity,
    unitPrice: money(unitMinor, settings.currency),
    lineTotal: money(unitMinor * row.quantity, settings.currency),
    status,
    holdExpiresAt: row.holdExpiresAt.toISOString(),
  };
}

function toCart(cartId: string, rows: Row[], settings: Settings, now: Date): Cart {
  const items: CartItem[] = rows.map((row) => toItem(row, settings, now));
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
