import { inArray, sql } from "drizzle-orm";
import { cartItems, carts } from "../../db/schema";
import { holdRefusal, tryHoldPlaces } from "../availability/hold-places";
import { salesWindow } from "../availability/slot-bookable";
import { inTransaction, withTransaction, type Ctx } from "../context";
import { brand } from "../brand";
import { isDomainError, type DomainError } from "../errors";
import { findBookables } from "./bookable";
import { cartLines, rearmHolds, settleExpiredLines, type Line } from "./cart-lines";
import { holdExpiry } from "./hold-expiry";
import { ownerKey, type CartOwner } from "./cart-owner";
import { lockCarts } from "./cart-lock";
import { loadCarts, type Cart } from "./cart-view";
import { addressCapExceeded, addressLedger, livePlaces, lockAddresses, placesHeldBy } from "./address-places";
import { checkCartLimits, checkSlotLimit } from "./limits";
import { recordAdds } from "./record-adds";

/** `address`: the client address (as stored) whose cap the places count against; none for calls that are not a visitor's request. */
export type AddRequest = { owner: CartOwner; slotId: string; ticketTypeId: string; quantity: number; address?: string };
export type AddResult = { cart: Cart } | { error: DomainError };

/**
 * Puts tickets for a slot in the owner's cart and holds their places at once. Adding the same
 * slot and ticket type again raises that line; an expired line is held afresh with its new total.
 */
export async function addToCart({ ctx, input }: { ctx: Ctx; input: AddRequest }): Promise<Cart> {
  const result = (await addToCarts({ ctx, input: [input] }))[0]!;
  if ("error" in result) throw result.error;
  return result.cart;
}

// `places`: what the cart will hold once the request is granted, all counted against its address.
// `unitPriceMinor`: a line still held keeps its price, for the tickets added to it too; one held afresh takes today's.
type Plan = { index: number; request: AddRequest; cartId: string; created: boolean; line?: Line; quantity: number; heldAt: Date; unitPriceMinor: number; hold: number; places: number };
type Wanted = { index: number; request: AddRequest; consumesCapacity: boolean; priceMinor: number };

/** The total of a batch did not fit a slot: the attempt is rolled back and the batch taken one by one. */
class NoRoomForAll extends Error {
  constructor() {
    super("no room for the whole batch");
    noRoomForAll.mark(this);
  }
}
const noRoomForAll = brand<NoRoomForAll>("NoRoomForAll");

/**
 * addToCart for many carts in one transaction (an on-sale rush, coalesced): each request is
 * answered as if it had run alone, but a slot many of them want is updated once, with their
 * total, and last, so that its row is locked only for that statement and the commit. Each owner
 * may appear once. When the total does not fit, the batch is run again with the holds first,
 * one request after the other in order, and those that find no room are refused.
 */
export async function addToCarts({ ctx, input }: { ctx: Ctx; input: AddRequest[] }): Promise<AddResult[]> {
  if (new Set(input.map((request) => ownerKey(request.owner))).size !== input.length) throw new Error("addToCarts takes one request per cart");
  const refusals: AddResult[] = [];
  const bookables = await findBookables(ctx, input);
  const wanted: Wanted[] = input.flatMap((request, index) => {
    const bookable = bookables[index]!;
    if (isDomainError(bookable)) refusals[index] = { error: bookable };
    return isDomainError(bookable) ? [] : [{ index, request, consumesCapacity: bookable.consumesCapacity, priceMinor: bookable.priceMinor }];
  });
  // Refused before any transaction (the slot or ticket type): recorded in a statement of its own.
  if (wanted.length === 0) {
    await recordAdds(ctx, input, refusals);
    return refusals;
  }
  // Inside a caller's transaction a failed attempt could not be rolled back alone: one by one from the start.
  if (!inTransaction(ctx)) {
    try {
      return await withTransaction(ctx, (tx) => attempt(tx, input, wanted, [...refusals], "together"));
    } catch (error) {
      if (!noRoomForAll.is(error)) throw error;
    }
  }
  return withTransaction(ctx, (tx) => attempt(tx, input, wanted, [...refusals], "one by one"));
}

async function attempt(ctx: Ctx, input: AddRequest[], wanted: Wanted[], results: AddResult[], mode: "together" | "one by one"): Promise<AddResult[]> {
  const { db, settings } = ctx;
  const now = ctx.now();
  const window = salesWindow(now, settings.venueTimeZone);
  const addresses = [...new Set(wanted.flatMap(({ request }) => (request.address ? [request.address] : [])))];
  await lockAddresses(db, addresses);
  const cartOf = await lockCarts(db, wanted.map(({ request }) => request.owner), now);
  // A cart made by this very transaction has no lines to settle, read or re-arm.
  const existing = [...cartOf.values()].filter((cart) => !cart.created).map((cart) => cart.id);
  await settleExpiredLines(db, existing, now, wanted.map(({ request }) => request.slotId));
  const lines = existing.length > 0 ? await cartLines(db, existing) : [];
  // What each address holds outside these carts; each request granted then adds its whole cart's places.
  const ledger = addressLedger(await placesHeldBy(db, addresses, now, [...cartOf.values()].map((cart) => cart.id)), settings);
  const overCap = (plan: Plan): AddResult => ({ error: addressCapExceeded(plan.request.owner, settings) });

  const plans: Plan[] = [];
  for (const { index, request, consumesCapacity, priceMinor } of wanted) {
    const { id: cartId, created } = cartOf.get(ownerKey(request.owner))!;
    const own = lines.filter((line) => line.cartId === cartId);
    const line = own.find((candidate) => candidate.slotId === request.slotId && candidate.ticketTypeId === request.ticketTypeId);
    const quantity = (line?.quantity ?? 0) + request.quantity;
    const stillHeld = line?.status === "held";
    const hold = !consumesCapacity ? 0 : stillHeld ? request.quantity : quantity;
    try {
      checkSlotLimit(own, request.slotId, { lineId: line?.id ?? "new", quantity }, settings);
      checkCartLimits(own, { lineId: line?.id ?? "new", quantity }, settings);
    } catch (error) {
      if (!isDomainError(error)) throw error;
      results[index] = { error };
      continue;
    }
    const plan = { index, request, cartId, created, line, quantity, heldAt: stillHeld ? line.heldAt : now, unitPriceMinor: stillHeld ? line.unitPriceMinor : priceMinor, hold, places: livePlaces(own, now) + hold };
    // Together, every plan is granted or the attempt is undone; one by one, a plan refused for
    // want of room must not use up its address's cap, so the count is kept as places are taken.
    if (mode === "together") {
      if (!ledger.fits([plan])) {
        results[index] = overCap(plan);
        continue;
      }
      ledger.add([plan]);
    }
    plans.push(plan);
  }

  const bySlot = new Map<string, Plan[]>();
  for (const plan of plans) {
    const group = bySlot.get(plan.request.slotId);
    if (group) group.push(plan);
    else bySlot.set(plan.request.slotId, [plan]);
  }
  // Slots in id order (invariant 6).
  const slots = [...bySlot.keys()].sort();
  const total = (slotId: string) => bySlot.get(slotId)!.reduce((sum, plan) => sum + plan.hold, 0);

  const held: Plan[] = mode === "together" ? plans : [];
  if (mode === "one by one") {
    for (const slotId of slots) {
      const group = bySlot.get(slotId)!;
      if (ledger.fits(group) && (await tryHoldPlaces(db, slotId, total(slotId), window))) {
        ledger.add(group);
        held.push(...group);
        continue;
      }
      for (const plan of group) {
        if (!ledger.fits([plan])) {
          results[plan.index] = overCap(plan);
        } else if (await tryHoldPlaces(db, slotId, plan.hold, window)) {
          ledger.add([plan]);
          held.push(plan);
        } else {
          results[plan.index] = { error: await holdRefusal(db, slotId, window) };
        }
      }
    }
  }

  const raised = held.filter((plan) => plan.line);
  if (raised.length > 0) {
    const values = raised.map((plan) => sql`(${plan.line!.id}::uuid, ${plan.quantity}::int, ${plan.heldAt}::timestamptz, ${plan.unitPriceMinor}::int)`);
    await db.execute(sql`
      UPDATE cart_items SET quantity = v.quantity, status = 'held', held_at = v.held_at, unit_price_minor = v.unit_price_minor
      FROM (VALUES ${sql.join(values, sql`, `)}) AS v(id, quantity, held_at, unit_price_minor) WHERE cart_items.id = v.id`);
  }
  const added = held.filter((plan) => !plan.line);
  if (added.length > 0) {
    await db.insert(cartItems).values(
      added.map((plan) => ({ cartId: plan.cartId, slotId: plan.request.slotId, ticketTypeId: plan.request.ticketTypeId, quantity: plan.quantity, unitPriceMinor: plan.unitPriceMinor, status: "held" as const, heldAt: now, holdExpiresAt: holdExpiry(now, now, settings), clientAddress: plan.request.address })),
    );
  }
  // Timers are re-armed only by a change that succeeded; a cart made for a refused request is not kept.
  const rearm = held.filter((plan) => !plan.created);
  const takenFrom = new Map(rearm.flatMap((plan) => (plan.request.address ? [[plan.cartId, plan.request.address] as const] : [])));
  if (rearm.length > 0) await rearmHolds(db, [...new Set(rearm.map((plan) => plan.cartId))], now, settings, takenFrom);
  const refusedNew = [...cartOf.values()].filter((cart) => cart.created && !held.some((plan) => plan.cartId === cart.id)).map((cart) => cart.id);
  if (refusedNew.length > 0) await db.delete(carts).where(inArray(carts.id, refusedNew));
  const loaded = await loadCarts(db, [...new Set(held.map((plan) => plan.cartId))], settings, now);
  for (const plan of held) results[plan.index] = { cart: loaded.get(plan.cartId)! };
  // Every answer, refusals too, is recorded in this transaction, which commits either way; before
  // the slots are updated together, so that they stay locked only for that statement and the commit.
  await recordAdds(ctx, input, results);

  if (mode === "together") {
    for (const slotId of slots) if (!(await tryHoldPlaces(db, slotId, total(slotId), window))) throw new NoRoomForAll();
  }
  return results;
}
