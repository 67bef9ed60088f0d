import { sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import type { Settings } from "../context";
import { DomainError } from "../errors";
import type { Line } from "./cart-lines";
import type { CartOwner } from "./cart-owner";
import { isLive } from "./cart-view";

// The class of the advisory locks on client addresses, apart from every other advisory lock.
const ADDRESS_LOCK_CLASS = 0x61_64;

/**
 * Locks client addresses for the rest of the transaction, so that two changes taking places for
 * one address at once (two tabs, two carts, two server processes) are counted one after the other
 * and cannot both pass its cap. One statement, in hash order; taken before any cart or slot lock,
 * so that it can never be part of a deadlock with them.
 */
export async function lockAddresses(db: Executor, addresses: string[]): Promise<void> {
  if (addresses.length === 0) return;
  // ORDER BY in a subquery keeps it from being flattened: the locks are taken in that order.
  await db.execute(sql`
    SELECT pg_advisory_xact_lock(${ADDRESS_LOCK_CLASS}, h)
    FROM (SELECT DISTINCT hashtext(a) AS h FROM unnest(${sql.param(addresses)}::text[]) AS a ORDER BY h) AS sorted`);
}

/**
 * The places each address holds now: its held lines that have not run out and its unpaid orders,
 * except the lines of `exceptCarts` (the carts being changed, which the caller counts itself).
 */
export async function placesHeldBy(db: Executor, addresses: string[], now: Date, exceptCarts: string[]): Promise<Map<string, number>> {
  if (addresses.length === 0) return new Map();
  const { rows } = await db.execute<{ address: string; places: number }>(sql`
    SELECT a AS address,
      (SELECT coalesce(sum(i.quantity), 0) FROM cart_items i JOIN ticket_types t ON t.id = i.ticket_type_id
        WHERE i.client_address = a AND i.status = 'held' AND i.hold_expires_at > ${now} AND t.consumes_capacity
          AND i.cart_id <> ALL(${sql.param(exceptCarts)}::uuid[]))::int
      + (SELECT coalesce(sum(oi.quantity), 0) FROM orders o JOIN order_items oi ON oi.order_id = o.id
        WHERE o.client_address = a AND o.status = 'pending_payment' AND o.expires_at > ${now} AND oi.consumes_capacity)::int AS places
    FROM unnest(${sql.param([...new Set(addresses)])}::text[]) AS a`);
  return new Map(rows.map((row) => [row.address, Number(row.places)]));
}

/** The places a cart's lines hold now. */
export const livePlaces = (lines: Line[], now: Date) => lines.filter((line) => line.consumesCapacity && isLive(line, now)).reduce((sum, line) => sum + line.quantity, 0);

/** How many places one address may hold at once: more when the visitor is signed in. */
export const addressCap = (owner: CartOwner, settings: Settings) => (owner.kind === "user" ? settings.maxHeldPlacesPerAddressSignedIn : settings.maxHeldPlacesPerAddress);

export function addressCapExceeded(owner: CartOwner, settings: Settings): DomainError {
  const limit = addressCap(owner, settings);
  const way = owner.kind === "user" ? "For a larger group, please book at the box office." : "Signing in allows more; for a group, please book at the box office.";
  return new DomainError("limit_exceeded", `Your network already holds as many places as one address may hold at once (${limit}). ${way}`, { limit });
}

type Counted = { request: { owner: CartOwner; address?: string }; places: number };

/**
 * What each address holds while a batch of adds is decided (`held`, from placesHeldBy): a request
 * that is granted adds the places its cart will hold to its address, so later requests of the
 * batch from that address see them. Requests with no address are not counted.
 */
export function addressLedger(held: Map<string, number>, settings: Settings) {
  const after = (requests: Counted[]) => {
    const next = new Map(held);
    for (const { request, places } of requests) if (request.address) next.set(request.address, next.get(request.address)! + places);
    return next;
  };
  return {
    fits: (requests: Counted[]) => {
      const next = after(requests);
      return requests.every(({ request }) => !request.address || next.get(request.address)! <= addressCap(request.owner, settings));
    },
    add: (requests: Counted[]) => {
      for (const [address, places] of after(requests)) held.set(address, places);
    },
  };
}

/**
 * The places the carts being changed may still take for `address`: its cap, less what its other
 * carts and orders hold and what `lines` (those carts' lines) hold now; negative when they already
 * hold more than fits. The caller has locked the address, before the carts.
 */
export async function addressRoom(db: Executor, input: { address: string; owner: CartOwner; cartIds: string[]; lines: Line[]; now: Date; settings: Settings }): Promise<number> {
  const others = (await placesHeldBy(db, [input.address], input.now, input.cartIds)).get(input.address) ?? 0;
  return addressCap(input.owner, input.settings) - others - livePlaces(input.lines, input.now);
}
