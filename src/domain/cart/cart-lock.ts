import { asc, eq, inArray } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { carts } from "../../db/schema";
import type { CartOwner } from "./cart-owner";

const ownedBy = (owner: CartOwner) => (owner.kind === "guest" ? eq(carts.guestTokenHash, owner.tokenHash) : eq(carts.userId, owner.userId));

export async function findCartId(db: Executor, owner: CartOwner): Promise<string | undefined> {
  const [row] = await db.select({ id: carts.id }).from(carts).where(ownedBy(owner));
  return row?.id;
}

/**
 * The owner's cart, locked for the rest of the transaction so that one cart's changes happen one
 * after the other (limits are checked against lines nobody else is changing). Created on the
 * first write.
 */
export async function lockCart(db: Executor, owner: CartOwner, now: Date): Promise<{ id: string; created: boolean }> {
  const values = owner.kind === "guest" ? { guestTokenHash: owner.tokenHash } : { userId: owner.userId };
  // Twice at most: a merge can delete the cart between our insert seeing it and our lock.
  for (let attempt = 0; attempt < 2; attempt++) {
    const [created] = await db.insert(carts).values({ ...values, createdAt: now, updatedAt: now }).onConflictDoNothing().returning({ id: carts.id });
    if (created) return { id: created.id, created: true };
    const id = await lockExistingCart(db, owner, now);
    if (id) return { id, created: false };
  }
  throw new Error("the cart was deleted twice while being locked");
}

/** Like lockCart, for changes that need a cart to exist already. */
export async function lockExistingCart(db: Executor, owner: CartOwner, now: Date): Promise<string | undefined> {
  const [row] = await db.update(carts).set({ updatedAt: now }).where(ownedBy(owner)).returning({ id: carts.id });
  return row?.id;
}

/** Locks several carts in id order (a merge), so two merges can never deadlock. */
export async function lockCartsById(db: Executor, ids: string[]): Promise<void> {
  await db.select({ id: carts.id }).from(carts).where(inArray(carts.id, ids)).orderBy(asc(carts.id)).for("no key update");
}
