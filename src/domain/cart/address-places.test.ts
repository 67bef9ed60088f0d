import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { databaseForThisFile } from "../../../tests/support/database";
import { bookableShow, guest, minutes, slotCounts, t0, testCtx } from "../../../tests/support/cart-fixtures";
import { checkout } from "../checkout/checkout";
import { withTransaction } from "../context";
import type { DomainError } from "../errors";
import { addToCart, addToCarts } from "./add-to-cart";
import type { CartOwner } from "./cart-owner";
import { changeQuantity } from "./change-quantity";
import { mergeCarts } from "./merge-carts";
import { renewHolds } from "./renew-holds";

const db = databaseForThisFile();
const caps = { maxHeldPlacesPerAddress: 12, maxHeldPlacesPerAddressSignedIn: 20 };
const address = () => `address-${randomBytes(4).toString("hex")}`;
const refusal = async (promise: Promise<unknown>) => (await promise.then(() => undefined, (error: unknown) => error)) as DomainError;
const user = async (): Promise<CartOwner> => {
  const id = `user-${randomBytes(6).toString("hex")}`;
  await db.current.pool.query(`INSERT INTO "user" (id, name, email) VALUES ($1, 'Test', $1 || '@example.org')`, [id]);
  return { kind: "user", userId: id };
};

type Show = Awaited<ReturnType<typeof bookableShow>>;
/** One batch (as the coalescer makes) of `count` guests adding `quantity` adults each, all from one address; what each was answered. */
async function batchFrom(ctx: ReturnType<typeof testCtx>, show: Show, from: string, count: number, quantity: number) {
  const results = await addToCarts({ ctx, input: Array.from({ length: count }, () => ({ owner: guest(), address: from, slotId: show.slot.id, ticketTypeId: show.adult.id, quantity })) });
  return results.map((result) => ("error" in result ? result.error.code : "held"));
}

describe("the places one client address may hold", () => {
  it("one request at a time, a hold that has run out but was not yet swept does not block the request that fits the cap", async () => {
    const clock = { now: t0 };
    const ctx = testCtx(db.current.db, clock, { maxHeldPlacesPerAddress: 1 });
    const show = await bookableShow(db.current.db, t0, { capacity: 2 });
    await addToCart({ ctx, input: { owner: guest(), slotId: show.slot.id, ticketTypeId: show.adult.id, quantity: 2 } });
    clock.now = minutes(90);
    // Inside a caller's transaction the batch is taken one request after the other; together the two do not fit the cap.
    const answers = await withTransaction(ctx, (tx) => batchFrom(tx, show, address(), 2, 1));
    expect(answers).toEqual(["held", "limit_exceeded"]);
    expect(await slotCounts(db.current.db, show.slot.id)).toMatchObject({ held: 1 });
  });

  it("counts every cart of the address together and refuses past the cap with limit_exceeded; other addresses and free tickets are not held back", async () => {
    const ctx = testCtx(db.current.db, { now: t0 }, caps);
    const { slots, adult, infant } = await bookableShow(db.current.db, t0, { capacity: 100, slots: 2 });
    const [a, b] = [address(), address()];
    const add = (owner: CartOwner, from: string, quantity: number, slot = slots[0]!, ticketTypeId = adult.id) => addToCart({ ctx, input: { owner, address: from, slotId: slot.id, ticketTypeId, quantity } });

    await add(guest(), a, 10);
    await add(guest(), a, 2, slots[1]);
    expect(await refusal(add(guest(), a, 1))).toMatchObject({ code: "limit_exceeded", details: { limit: 12 } });
    await add(guest(), b, 10);
    await add(guest(), a, 5, slots[0], infant.id);
    expect((await slotCounts(db.current.db, slots[0]!.id)).held).toBe(20);
  });

  it("counts a cart's places against the address of its last change that took places", async () => {
    const ctx = testCtx(db.current.db, { now: t0 }, caps);
    const { slots, adult } = await bookableShow(db.current.db, t0, { capacity: 100, slots: 2 });
    const [home, phone] = [address(), address()];
    const visitor = guest();
    await addToCart({ ctx, input: { owner: visitor, address: home, slotId: slots[0]!.id, ticketTypeId: adult.id, quantity: 10 } });
    // The same cart from another network: all its places now count there, 10 + 2 + 1 > 12.
    await addToCart({ ctx, input: { owner: guest(), address: phone, slotId: slots[0]!.id, ticketTypeId: adult.id, quantity: 2 } });
    expect(await refusal(addToCart({ ctx, input: { owner: visitor, address: phone, slotId: slots[1]!.id, ticketTypeId: adult.id, quantity: 1 } }))).toMatchObject({ code: "limit_exceeded" });
    // A refused change moves nothing: home still holds the 10.
    expect(await refusal(addToCart({ ctx, input: { owner: guest(), address: home, slotId: slots[1]!.id, ticketTypeId: adult.id, quantity: 3 } }))).toMatchObject({ code: "limit_exceeded" });
    // From a third network it fits, and the cart's places go with it: home is free again.
    await addToCart({ ctx, input: { owner: visitor, address: address(), slotId: slots[1]!.id, ticketTypeId: adult.id, quantity: 1 } });
    await addToCart({ ctx, input: { owner: guest(), address: home, slotId: slots[1]!.id, ticketTypeId: adult.id, quantity: 10 } });
  });

  it("counts unpaid orders until they run out, and holds that ran out not at all", async () => {
    const clock = { now: t0 };
    const ctx = testCtx(db.current.db, clock, caps);
    const { slot, adult } = await bookableShow(db.current.db, t0, { capacity: 100 });
    const a = address();
    const buyer = guest();
    await addToCart({ ctx, input: { owner: buyer, address: a, slotId: slot.id, ticketTypeId: adult.id, quantity: 10 } });
    await checkout({ ctx, input: { owner: buyer, contact: { name: "Asha", email: "asha@example.org" }, provider: "test" } });
    clock.now = minutes(1);
    expect(await refusal(addToCart({ ctx, input: { owner: guest(), address: a, slotId: slot.id, ticketTypeId: adult.id, quantity: 3 } }))).toMatchObject({ code: "limit_exceeded" });
    await addToCart({ ctx, input: { owner: guest(), address: a, slotId: slot.id, ticketTypeId: adult.id, quantity: 2 } });
    clock.now = minutes(17);
    await addToCart({ ctx, input: { owner: guest(), address: a, slotId: slot.id, ticketTypeId: adult.id, quantity: 10 } });
  });

  it("lets a signed-in visitor's address hold more", async () => {
    const ctx = testCtx(db.current.db, { now: t0 }, caps);
    const { slots, adult } = await bookableShow(db.current.db, t0, { capacity: 100, slots: 3 });
    const a = address();
    await addToCart({ ctx, input: { owner: guest(), address: a, slotId: slots[0]!.id, ticketTypeId: adult.id, quantity: 10 } });
    const member = await user();
    await addToCart({ ctx, input: { owner: member, address: a, slotId: slots[1]!.id, ticketTypeId: adult.id, quantity: 10 } });
    expect(await refusal(addToCart({ ctx, input: { owner: guest(), address: a, slotId: slots[2]!.id, ticketTypeId: adult.id, quantity: 1 } }))).toMatchObject({ code: "limit_exceeded", details: { limit: 12 } });
    expect(await refusal(addToCart({ ctx, input: { owner: member, address: a, slotId: slots[2]!.id, ticketTypeId: adult.id, quantity: 1 } }))).toMatchObject({ code: "limit_exceeded", details: { limit: 20 } });
  });

  it("holds under concurrency: of many adds from one address at once, only those within the cap pass", async () => {
    const ctx = testCtx(db.current.db, { now: t0 }, { maxHeldPlacesPerAddress: 10 });
    const { slot, adult } = await bookableShow(db.current.db, t0, { capacity: 100 });
    const a = address();
    const results = await Promise.allSettled(Array.from({ length: 8 }, () => addToCart({ ctx, input: { owner: guest(), address: a, slotId: slot.id, ticketTypeId: adult.id, quantity: 3 } })));
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(3);
    expect(results.filter((result) => result.status === "rejected").map((result) => (result.reason as DomainError).code)).toEqual(Array(5).fill("limit_exceeded"));
    expect((await slotCounts(db.current.db, slot.id)).held).toBe(9);
  });

  it("counts the requests of one batch together", async () => {
    const show = await bookableShow(db.current.db, t0, { capacity: 100 });
    expect(await batchFrom(testCtx(db.current.db, { now: t0 }, { maxHeldPlacesPerAddress: 10 }), show, address(), 4, 3)).toEqual(["held", "held", "held", "limit_exceeded"]);
    expect((await slotCounts(db.current.db, show.slot.id)).held).toBe(9);
  });

  it("is not used up by requests of a batch refused for want of room", async () => {
    const show = await bookableShow(db.current.db, t0, { capacity: 3 });
    expect(await batchFrom(testCtx(db.current.db, { now: t0 }, { maxHeldPlacesPerAddress: 4 }), show, address(), 5, 1)).toEqual(["held", "held", "held", "sold_out", "sold_out"]);
  });

  it("applies to raising a line, renewing and merging on sign-in", async () => {
    const clock = { now: t0 };
    const ctx = testCtx(db.current.db, clock, caps);
    const { slots, adult } = await bookableShow(db.current.db, t0, { capacity: 100, slots: 3 });
    const a = address();
    const visitor = guest();
    const cart = await addToCart({ ctx, input: { owner: visitor, address: a, slotId: slots[0]!.id, ticketTypeId: adult.id, quantity: 4 } });
    await addToCart({ ctx, input: { owner: guest(), address: a, slotId: slots[1]!.id, ticketTypeId: adult.id, quantity: 6 } });
    const itemId = cart.items[0]!.id;
    expect(await refusal(changeQuantity({ ctx, input: { owner: visitor, itemId, quantity: 7, address: a } }))).toMatchObject({ code: "limit_exceeded" });
    await changeQuantity({ ctx, input: { owner: visitor, itemId, quantity: 6, address: a } });

    // Both carts run out; the other cart is held again first, so this one no longer fits.
    clock.now = minutes(16);
    await addToCart({ ctx, input: { owner: guest(), address: a, slotId: slots[2]!.id, ticketTypeId: adult.id, quantity: 8 } });
    expect((await renewHolds({ ctx, input: { owner: visitor, address: a } })).items[0]).toMatchObject({ status: "expired" });

    const member = await user();
    await addToCart({ ctx, input: { owner: member, address: a, slotId: slots[1]!.id, ticketTypeId: adult.id, quantity: 10 } });
    const mover = guest();
    await addToCart({ ctx, input: { owner: mover, address: address(), slotId: slots[0]!.id, ticketTypeId: adult.id, quantity: 5 } });
    // Signed in at `a` (cap 20): 8 + 10 there already, so 2 of the guest's 5 held places fit.
    const merged = await mergeCarts({ ctx, input: { from: mover, into: member, address: a } });
    expect(merged.refused).toEqual([expect.objectContaining({ slotId: slots[0]!.id, quantity: 3, reason: "limit_exceeded" })]);
    expect(merged.cart.itemCount).toBe(12);
  });
});
