import { and, eq } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { cartItems } from "../../db/schema";
import { DomainError } from "../errors";
import { cartLines, settleExpiredLines, type Line } from "./cart-lines";
import type { CartOwner } from "./cart-owner";
import { lockExistingCart } from "./cart-lock";

const unknownItem = () => new DomainError("not_found", "There is no such item in your cart.");

/**
 * For a change to one line: the owner's cart locked, its expired lines settled, its lines read
 * (locked), and the line itself. Another cart's line is as unknown as a made-up id.
 */
export async function lockLine(db: Executor, owner: CartOwner, itemId: string, now: Date): Promise<{ cartId: string; lines: Line[]; line: Line }> {
  const cartId = await lockExistingCart(db, owner, now);
  if (!cartId) throw unknownItem();
  const [found] = await db.select({ slotId: cartItems.slotId }).from(cartItems).where(and(eq(cartItems.id, itemId), eq(cartItems.cartId, cartId)));
  if (!found) throw unknownItem();
  await settleExpiredLines(db, cartId, now, [found.slotId]);
  const lines = await cartLines(db, cartId);
  return { cartId, lines, line: lines.find((candidate) => candidate.id === itemId)! };
}
