import { eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { carts } from "@/db/schema";
import { databaseForThisFile } from "../../../tests/support/database";
import { bookableShow, guest, holdAccounts, minutes, slotCounts, t0, testCtx } from "../../../tests/support/cart-fixtures";
import { addToCart, addToCarts, type AddResult } from "./add-to-cart";
import { getCart } from "./get-cart";

const db = databaseForThisFile();
const codes = (results: AddResult[]) => results.map((result) => ("error" in result ? result.error.code : "held"));

describe("adding for many carts in one transaction", () => {
  it("takes a slot's total in one update when it fits, and answers each cart with its own cart", async () => {
    const ctx = testCtx(db.current.db, { now: t0 });
    const { slot, adult, infant } = await bookableShow(db.current.db, t0, { capacity: 50 });
    const owners = Array.from({ length: 12 }, () => guest());
    const results = await addToCarts({ ctx, input: owners.map((owner, i) => ({ owner, slotId: slot.id, ticketTypeId: i % 4 === 0 ? infant.id : adult.id, quantity: 2 })) });
    expect(codes(results)).toEqual(Array(12).fill("held"));
    expect(await slotCounts(db.current.db, slot.id)).toMatchObject({ held: 18 });
    const ids = results.map((result) => ("cart" in result ? result.cart.id : null));
    expect(new Set(ids).size).toBe(12);
    for (const [i, owner] of owners.entries()) expect((await getCart({ ctx, input: { owner } })).id).toBe(ids[i]);
  });

  it("takes places one by one in order when the total does not fit, refuses the rest, and keeps no cart for them", async () => {
    const ctx = testCtx(db.current.db, { now: t0 });
    const { slot, adult } = await bookableShow(db.current.db, t0, { capacity: 7 });
    const owners = Array.from({ length: 5 }, () => guest());
    const results = await addToCarts({ ctx, input: owners.map((owner) => ({ owner, slotId: slot.id, ticketTypeId: adult.id, quantity: 2 })) });
    expect(codes(results)).toEqual(["held", "held", "held", "insufficient_capacity", "insufficient_capacity"]);
    expect("error" in results[3]! && results[3].error.details).toEqual({ available: 1 });
    expect(await slotCounts(db.current.db, slot.id)).toMatchObject({ held: 6 });
    expect((await getCart({ ctx, input: { owner: owners[4]! } })).id).toBeNull();
    expect(await holdAccounts(db.current.db)).toEqual(expect.arrayContaining([expect.objectContaining({ id: slot.id, held: 6, live: 6 })]));
  });

  it("refuses a request alone for its own reasons (limit, unknown slot, ticket of another exhibition) and holds the others", async () => {
    const ctx = testCtx(db.current.db, { now: t0 });
    const show = await bookableShow(db.current.db, t0);
    const other = await bookableShow(db.current.db, t0);
    const regular = guest();
    await addToCart({ ctx, input: { owner: regular, slotId: show.slot.id, ticketTypeId: show.adult.id, quantity: 9 } });
    const results = await addToCarts({
      ctx,
      input: [
        { owner: regular, slotId: show.slot.id, ticketTypeId: show.adult.id, quantity: 2 },
        { owner: guest(), slotId: "00000000-0000-4000-8000-000000000000", ticketTypeId: show.adult.id, quantity: 1 },
        { owner: guest(), slotId: show.slot.id, ticketTypeId: other.adult.id, quantity: 1 },
        { owner: guest(), slotId: show.slot.id, ticketTypeId: show.adult.id, quantity: 3 },
      ],
    });
    expect(codes(results)).toEqual(["limit_exceeded", "not_found", "not_found", "held"]);
    expect(await slotCounts(db.current.db, show.slot.id)).toMatchObject({ held: 12 });
  });

  it("re-arms the timers of carts it changed and of no other", async () => {
    const clock = { now: t0 };
    const ctx = testCtx(db.current.db, clock);
    const { slots, adult } = await bookableShow(db.current.db, t0, { slots: 2 });
    const [a, b] = [guest(), guest()];
    await addToCart({ ctx, input: { owner: a, slotId: slots[0]!.id, ticketTypeId: adult.id, quantity: 1 } });
    await addToCart({ ctx, input: { owner: b, slotId: slots[0]!.id, ticketTypeId: adult.id, quantity: 1 } });
    clock.now = minutes(10);
    await addToCarts({ ctx, input: [{ owner: a, slotId: slots[1]!.id, ticketTypeId: adult.id, quantity: 1 }] });
    expect((await getCart({ ctx, input: { owner: a } })).holdExpiresAt).toBe(minutes(25).toISOString());
    expect((await getCart({ ctx, input: { owner: b } })).holdExpiresAt).toBe(minutes(15).toISOString());
  });

  it("takes one request per cart", async () => {
    const ctx = testCtx(db.current.db, { now: t0 });
    const { slot, adult } = await bookableShow(db.current.db, t0);
    const owner = guest();
    await expect(addToCarts({ ctx, input: [1, 2].map((quantity) => ({ owner, slotId: slot.id, ticketTypeId: adult.id, quantity })) })).rejects.toThrow("one request per cart");
    expect(await db.current.db.select().from(carts).where(eq(carts.guestTokenHash, owner.kind === "guest" ? owner.tokenHash : ""))).toEqual([]);
  });

  it("sells exactly the capacity to concurrent batches, with no fault", async () => {
    const ctx = testCtx(db.current.db, { now: t0 });
    const { slot, adult } = await bookableShow(db.current.db, t0, { capacity: 40 });
    const batches = await Promise.all(
      Array.from({ length: 8 }, () => addToCarts({ ctx, input: Array.from({ length: 10 }, () => ({ owner: guest(), slotId: slot.id, ticketTypeId: adult.id, quantity: 1 })) })),
    );
    const all = batches.flat();
    expect(all.filter((result) => "cart" in result)).toHaveLength(40);
    expect(new Set(codes(all))).toEqual(new Set(["held", "sold_out"]));
    expect(await slotCounts(db.current.db, slot.id)).toMatchObject({ held: 40 });
    const cartIds = all.flatMap((result) => ("cart" in result ? [result.cart.id!] : []));
    expect(await db.current.db.select({ id: carts.id }).from(carts).where(inArray(carts.id, cartIds))).toHaveLength(40);
  });
});
