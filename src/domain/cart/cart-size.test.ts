import { describe, expect, it } from "vitest";
import { databaseForThisFile } from "../../../tests/support/database";
import { bookableShow, guest, slotCounts, t0, testCtx } from "../../../tests/support/cart-fixtures";
import { checkout } from "../checkout/checkout";
import type { DomainError } from "../errors";
import { addToCart } from "./add-to-cart";
import { changeQuantity } from "./change-quantity";
import { mergeCarts } from "./merge-carts";
import type { CartOwner } from "./cart-owner";

const db = databaseForThisFile();
const refusal = async (promise: Promise<unknown>) => (await promise.then(() => undefined, (error: unknown) => error)) as DomainError;

describe("the size of a cart, and so of an order", () => {
  it("is at most MAX_CART_TICKETS tickets over all slots, free ones too", async () => {
    const ctx = testCtx(db.current.db, { now: t0 }, { maxCartTickets: 15 });
    const { slots, adult, infant } = await bookableShow(db.current.db, t0, { capacity: 100, slots: 3 });
    const owner = guest();
    await addToCart({ ctx, input: { owner, slotId: slots[0]!.id, ticketTypeId: adult.id, quantity: 10 } });
    const cart = await addToCart({ ctx, input: { owner, slotId: slots[1]!.id, ticketTypeId: infant.id, quantity: 5 } });
    expect(await refusal(addToCart({ ctx, input: { owner, slotId: slots[2]!.id, ticketTypeId: adult.id, quantity: 1 } }))).toMatchObject({ code: "limit_exceeded", details: { limit: 15 } });
    const infants = cart.items.find((item) => item.slotId === slots[1]!.id)!.id;
    expect(await refusal(changeQuantity({ ctx, input: { owner, itemId: infants, quantity: 6 } }))).toMatchObject({ code: "limit_exceeded", details: { limit: 15 } });
    await changeQuantity({ ctx, input: { owner, itemId: infants, quantity: 4 } });
    await addToCart({ ctx, input: { owner, slotId: slots[2]!.id, ticketTypeId: adult.id, quantity: 1 } });
    expect((await slotCounts(db.current.db, slots[2]!.id)).held).toBe(1);
  });

  it("is at most MAX_CART_LINES lines", async () => {
    const ctx = testCtx(db.current.db, { now: t0 }, { maxCartLines: 3 });
    const { slots, adult } = await bookableShow(db.current.db, t0, { capacity: 100, slots: 4 });
    const owner = guest();
    for (const slot of slots.slice(0, 3)) await addToCart({ ctx, input: { owner, slotId: slot.id, ticketTypeId: adult.id, quantity: 1 } });
    expect(await refusal(addToCart({ ctx, input: { owner, slotId: slots[3]!.id, ticketTypeId: adult.id, quantity: 1 } }))).toMatchObject({ code: "limit_exceeded", details: { limit: 3 } });
    await addToCart({ ctx, input: { owner, slotId: slots[0]!.id, ticketTypeId: adult.id, quantity: 1 } });
  });

  it("holds on sign-in: what does not fit the account's cart is refused and its places given back", async () => {
    const ctx = testCtx(db.current.db, { now: t0 }, { maxCartTickets: 12, maxCartLines: 2 });
    const { slots, adult } = await bookableShow(db.current.db, t0, { capacity: 100, slots: 3 });
    const id = `user-${Math.random().toString(36).slice(2)}`;
    await db.current.pool.query(`INSERT INTO "user" (id, name, email) VALUES ($1, 'Test', $1 || '@example.org')`, [id]);
    const into: CartOwner = { kind: "user", userId: id };
    await addToCart({ ctx, input: { owner: into, slotId: slots[0]!.id, ticketTypeId: adult.id, quantity: 8 } });
    const [many, another] = [guest(), guest()];
    await addToCart({ ctx, input: { owner: many, slotId: slots[1]!.id, ticketTypeId: adult.id, quantity: 6 } });
    await addToCart({ ctx, input: { owner: another, slotId: slots[2]!.id, ticketTypeId: adult.id, quantity: 1 } });
    const first = await mergeCarts({ ctx, input: { from: many, into } });
    expect(first.cart.itemCount).toBe(12);
    expect(first.refused).toEqual([expect.objectContaining({ slotId: slots[1]!.id, quantity: 2, reason: "limit_exceeded" })]);
    const second = await mergeCarts({ ctx, input: { from: another, into } });
    expect(second.cart.items).toHaveLength(2);
    expect(second.refused).toEqual([expect.objectContaining({ slotId: slots[2]!.id, quantity: 1, reason: "limit_exceeded" })]);
    expect((await slotCounts(db.current.db, slots[1]!.id)).held).toBe(4);
    expect((await slotCounts(db.current.db, slots[2]!.id)).held).toBe(0);
  });

  it("makes no order past the limits, even from a cart filled before they were lowered", async () => {
    const ctx = testCtx(db.current.db, { now: t0 });
    const { slots, adult } = await bookableShow(db.current.db, t0, { capacity: 100, slots: 3 });
    const owner = guest();
    for (const slot of slots) await addToCart({ ctx, input: { owner, slotId: slot.id, ticketTypeId: adult.id, quantity: 5 } });
    const contact = { name: "Asha", email: "asha@example.org" };
    const lowered = (settings: object) => checkout({ ctx: { ...ctx, settings: { ...ctx.settings, ...settings } }, input: { owner, contact, provider: "test" } });
    expect(await refusal(lowered({ maxCartTickets: 14 }))).toMatchObject({ code: "limit_exceeded", details: { limit: 14 } });
    expect(await refusal(lowered({ maxCartLines: 2 }))).toMatchObject({ code: "limit_exceeded", details: { limit: 2 } });
    expect((await lowered({})).items).toHaveLength(3);
  });
});
