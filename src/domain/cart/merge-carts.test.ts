import { describe, expect, it } from "vitest";
import { databaseForThisFile } from "../../../tests/support/database";
import { bookableShow, guest, minutes, t0, holdAccounts, slotCounts, testCtx } from "../../../tests/support/cart-fixtures";
import { createSlot } from "../../../tests/support/factories";
import type { CartOwner } from "./cart-owner";
import { addToCart } from "./add-to-cart";
import { getCart } from "./get-cart";
import { mergeCarts } from "./merge-carts";

const db = databaseForThisFile();
// A user cart is keyed by user id; the merge does not care whether the user row exists elsewhere.
const user = async (): Promise<CartOwner> => {
  const id = `user-${Math.random().toString(36).slice(2)}`;
  await db.current.pool.query(`INSERT INTO "user" (id, name, email) VALUES ($1, 'Test', $1 || '@example.org')`, [id]);
  return { kind: "user", userId: id };
};

describe("merging a guest cart into a user's cart", () => {
  it("moves lines over with their holds and timers, and leaves no guest cart", async () => {
    const clock = { now: t0 };
    const ctx = testCtx(db.current.db, clock);
    const { slot, adult } = await bookableShow(db.current.db, t0);
    const from = guest();
    const into = await user();
    const before = await addToCart({ ctx, input: { owner: from, slotId: slot.id, ticketTypeId: adult.id, quantity: 3 } });
    clock.now = minutes(5);

    const { cart, refused } = await mergeCarts({ ctx, input: { from, into } });
    expect(refused).toEqual([]);
    expect(cart.items).toEqual([expect.objectContaining({ slotId: slot.id, quantity: 3, status: "held", holdExpiresAt: before.items[0]!.holdExpiresAt })]);
    expect((await getCart({ ctx, input: { owner: from } })).id).toBeNull();
    expect(await slotCounts(db.current.db, slot.id)).toMatchObject({ held: 3 });
  });

  it("adds up lines for the same slot and ticket type, refuses and reports what passes the limit, and frees those places", async () => {
    const ctx = testCtx(db.current.db, { now: t0 });
    const { slot, adult, infant, exhibition } = await bookableShow(db.current.db, t0);
    const from = guest();
    const into = await user();
    await addToCart({ ctx, input: { owner: into, slotId: slot.id, ticketTypeId: adult.id, quantity: 6 } });
    await addToCart({ ctx, input: { owner: from, slotId: slot.id, ticketTypeId: adult.id, quantity: 3 } });
    await addToCart({ ctx, input: { owner: from, slotId: slot.id, ticketTypeId: infant.id, quantity: 2 } });
    expect(await slotCounts(db.current.db, slot.id)).toMatchObject({ held: 9 });

    const { cart, refused } = await mergeCarts({ ctx, input: { from, into } });
    const byType = Object.fromEntries(cart.items.map((item) => [item.ticketType.id, item.quantity]));
    expect(byType).toEqual({ [adult.id]: 9, [infant.id]: 1 });
    // Described as the visitor knows it, for the page that says what was refused.
    expect(refused).toEqual([
      { slotId: slot.id, ticketTypeId: infant.id, quantity: 1, reason: "limit_exceeded", startsAt: slot.startsAt.toISOString(), exhibition: { slug: exhibition.slug, title: exhibition.title }, ticketType: { name: "Under 3" } },
    ]);
    expect(await slotCounts(db.current.db, slot.id)).toMatchObject({ held: 9 });

    const { refused: second } = await mergeCarts({ ctx, input: { from: guest(), into } });
    expect(second).toEqual([]);
  });

  it("caps one line at the limit and gives back the excess places", async () => {
    const ctx = testCtx(db.current.db, { now: t0 });
    const { slot, adult } = await bookableShow(db.current.db, t0);
    const from = guest();
    const into = await user();
    await addToCart({ ctx, input: { owner: into, slotId: slot.id, ticketTypeId: adult.id, quantity: 7 } });
    await addToCart({ ctx, input: { owner: from, slotId: slot.id, ticketTypeId: adult.id, quantity: 5 } });
    const { cart, refused } = await mergeCarts({ ctx, input: { from, into } });
    expect(cart.items[0]!.quantity).toBe(10);
    expect(refused).toEqual([expect.objectContaining({ slotId: slot.id, ticketTypeId: adult.id, quantity: 2, reason: "limit_exceeded" })]);
    expect(await slotCounts(db.current.db, slot.id)).toMatchObject({ held: 10 });
  });

  it("is idempotent: a repeated merge adds nothing twice", async () => {
    const ctx = testCtx(db.current.db, { now: t0 });
    const { slot, adult } = await bookableShow(db.current.db, t0);
    const from = guest();
    const into = await user();
    await addToCart({ ctx, input: { owner: from, slotId: slot.id, ticketTypeId: adult.id, quantity: 2 } });
    const results = await Promise.all([mergeCarts({ ctx, input: { from, into } }), mergeCarts({ ctx, input: { from, into } })]);
    const final = await getCart({ ctx, input: { owner: into } });
    expect(final.items.map((item) => item.quantity)).toEqual([2]);
    expect(results.flatMap((result) => result.refused)).toEqual([]);
    expect(await slotCounts(db.current.db, slot.id)).toMatchObject({ held: 2 });
  });

  it("keeps expired guest lines, marked expired, and holds an expired side again when the other is held", async () => {
    const clock = { now: t0 };
    const ctx = testCtx(db.current.db, clock);
    const { slots, adult } = await bookableShow(db.current.db, t0, { slots: 2, capacity: 5 });
    const from = guest();
    const into = await user();
    await addToCart({ ctx, input: { owner: from, slotId: slots[0]!.id, ticketTypeId: adult.id, quantity: 2 } });
    await addToCart({ ctx, input: { owner: from, slotId: slots[1]!.id, ticketTypeId: adult.id, quantity: 2 } });
    clock.now = minutes(20);
    await addToCart({ ctx, input: { owner: into, slotId: slots[1]!.id, ticketTypeId: adult.id, quantity: 1 } });

    const { cart, refused } = await mergeCarts({ ctx, input: { from, into } });
    expect(refused).toEqual([]);
    const bySlot = Object.fromEntries(cart.items.map((item) => [item.slotId, item]));
    expect(bySlot[slots[0]!.id]).toMatchObject({ quantity: 2, status: "expired" });
    expect(bySlot[slots[1]!.id]).toMatchObject({ quantity: 3, status: "held" });
    expect(await slotCounts(db.current.db, slots[0]!.id)).toMatchObject({ held: 0 });
    expect(await slotCounts(db.current.db, slots[1]!.id)).toMatchObject({ held: 3 });
    for (const account of await holdAccounts(db.current.db)) expect(account.held, account.id).toBe(account.live);
  });

  it("refuses to hold an expired side again once its slot has started, and says so", async () => {
    const clock = { now: t0 };
    const ctx = testCtx(db.current.db, clock);
    const { exhibition, adult } = await bookableShow(db.current.db, t0);
    const soon = await createSlot(db.current.db, exhibition.id, { startsAt: minutes(30) });
    const from = guest();
    const into = await user();
    await addToCart({ ctx, input: { owner: from, slotId: soon.id, ticketTypeId: adult.id, quantity: 2 } });
    clock.now = minutes(20);
    await addToCart({ ctx, input: { owner: into, slotId: soon.id, ticketTypeId: adult.id, quantity: 1 } });
    clock.now = minutes(31);

    const { cart, refused } = await mergeCarts({ ctx, input: { from, into } });
    expect(refused).toEqual([expect.objectContaining({ slotId: soon.id, quantity: 2, reason: "slot_closed" })]);
    expect(cart.items).toEqual([expect.objectContaining({ quantity: 1, status: "held" })]);
    expect(await slotCounts(db.current.db, soon.id)).toMatchObject({ held: 1 });
  });

  it("never lets a merged line outlive HOLD_MAX from when its first places were held", async () => {
    const clock = { now: t0 };
    const ctx = testCtx(db.current.db, clock);
    const { slot, adult } = await bookableShow(db.current.db, t0);
    const into = await user();
    const from = guest();
    // The user's line, held at t0 and kept alive by a change every 14 minutes, ends at its HOLD_MAX, t0 + 60.
    for (const at of [0, 14, 28, 42, 56]) {
      clock.now = minutes(at);
      await addToCart({ ctx, input: { owner: into, slotId: slot.id, ticketTypeId: adult.id, quantity: 1 } });
    }
    clock.now = minutes(50);
    const guestCart = await addToCart({ ctx, input: { owner: from, slotId: slot.id, ticketTypeId: adult.id, quantity: 2 } });
    expect(guestCart.holdExpiresAt).toBe(minutes(65).toISOString());

    clock.now = minutes(57);
    const { cart } = await mergeCarts({ ctx, input: { from, into } });
    expect(cart.items).toEqual([expect.objectContaining({ quantity: 7, status: "held", holdExpiresAt: minutes(60).toISOString() })]);
    expect(await slotCounts(db.current.db, slot.id)).toMatchObject({ held: 7 });
  });
});
