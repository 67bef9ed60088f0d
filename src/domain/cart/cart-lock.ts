import { asc, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { carts } from "../../db/schema";
import { ownerKey, type CartOwner } from "./cart-owner";

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
  return (await lockCarts(db, [owner], now)).get(ownerKey(owner))!;
}

/**
 * lockCart for several owners in one statement per kind of owner: users' carts first, then
 * guests', each in key order. Two batches therefore wait for each other instead of deadlocking,
 * and so does a merge, which also takes the user's cart before the guest's. A cart a merge
 * deletes meanwhile is simply made again.
 */
export async function lockCarts(db: Executor, owners: CartOwner[], now: Date): Promise<Map<string, { id: string; created: boolean }>> {
  const guests = [...new Set(owners.flatMap((owner) => (owner.kind === "guest" ? [owner.tokenHash] : [])))].sort();
  const users = [...new Set(owners.flatMap((owner) => (owner.kind === "user" ? [owner.userId] : [])))].sort();
  const locked = new Map<string, { id: string; created: boolean }>();
  const upsert = async (column: "user_id" | "guest_token_hash", keys: string[]) => {
    if (keys.length === 0) return [];
    // xmax = 0 only on a row this statement inserted.
    const { rows } = await db.execute<{ id: string; key: string; created: boolean }>(sql`
      INSERT INTO carts (${sql.identifier(column)}, created_at, updated_at)
      SELECT key, ${now}, ${now} FROM unnest(${sql.param(keys)}::text[]) AS key ORDER BY key
      ON CONFLICT (${sql.identifier(column)}) DO UPDATE SET updated_at = EXCLUDED.updated_at
      RETURNING id, ${sql.identifier(column)} AS key, (xmax = 0) AS created`);
    return rows;
  };
  for (const row of await upsert("user_id", users)) locked.set(ownerKey({ kind: "user", userId: row.key }), { id: row.id, created: row.created });
  for (const row of await upsert("guest_token_hash", guests)) locked.set(ownerKey({ kind: "guest", tokenHash: row.key }), { id: row.id, created: row.created });
  return locked;
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
