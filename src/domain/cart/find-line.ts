import { and, eq } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { cartItems } from "../../db/schema";
import { DomainError } from "../errors";

/** The slot of one line of this cart; another cart's line is as unknown as a made-up id. */
export async function slotOfLine(db: Executor, cartId: string | undefined, itemId: string): Promise<string> {
  if (!cartId) throw new DomainError("not_found", "There is no such item in your cart.");
  const [line] = await db.select({ slotId: cartItems.slotId }).from(cartItems).where(and(eq(cartItems.id, itemId), eq(cartItems.cartId, cartId)));
  if (!line) throw new DomainError("not_found", "There is no such item in your cart.");
  return line.slotId;
}
