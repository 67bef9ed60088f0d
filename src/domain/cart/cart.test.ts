import { describe, expect, it } from "vitest";
import { connectDatabase } from "@/db/client";
import { releaseAllExpiredHolds, releaseExpiredHoldsOfSlot } from "@/domain/availability/release-expired-holds";
import { databaseForThisFile } from "../../../tests/support/database";
import { bookableShow, guest, minutes, t0, slotCounts, testCtx } from "../../../tests/support/cart-fixtures";
import { createExhibition, createSlot, createTicketType } from "../../../tests/support/factories";
import { DomainError } from "../errors";
import { addToCart } from "./add-to-cart";
import { cartLines } from "./cart-lines";
import { changeQuantity } from "./change-quantity";
import { getCart } from "./get-cart";
import { removeItem } from "./remove-item";
import { renewHolds } from "./renew-holds";

const db = databaseForThisFile();
const refusal = async (promise: Promise<unknown>) => {
  const error = await promise.then(() => undefined, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
};

describe("adding to the cart", () => {
  it("holds the places at once and raises the same line when added again", async () => {
    const clock = { now: t0 };
    const ctx = testCtx(db.current.db, clock);
    const { slot, adult } = await bookableShow(db.current.db, t0);
    const owner = guest();
    await addToCart({ ctx, input: { owner, slotId: slot.id, ticketTypeId: adult.id, quantity: 2 } });
    const cart = await addToCart({ ctx, input: { owner, slotId: slot.id, ticketTypeId: adult.id, quantity: 3 } });
    expect(cart.items).toHaveLength(1);
    expect(cart.items[0]).toMatchObject({ quantity: 5, status: "held", unitPrice: { amount: 25_000, currency: "INR" }, lineTotal: { amount: 125_000, currency: "INR" } });
    expect(cart).toMatchObject({ itemCount: 5, total: { amount: 125_000, currency: "INR" }, holdExpiresAt: minutes(15).toISOString() });
    expect(await slotCounts(db.current.db, slot.id)).toMatchObject({ held: 5 });
  });

  it("prices every line and the total in the configured currency, the one source of it", async () => {
    const ctx = testCtx(db.current.db, { now: t0 }, { currency: "KWD" });
    const { slot, adult } = await bookableShow(db.current.db, t0);
    const cart = await addToCart({ ctx, input: { owner: guest(), slotId: slot.id, ticketTypeId: adult.id, quantity: 2 } });
    expect(cart.items[0]).toMatchObject({ unitPrice: { amount: 25_000, currency: "KWD" }, lineTotal: { amount: 50_000, currency: "KWD" } });
    expect(cart.total).toEqual({ amount: 50_000, currency: "KWD" });
  });

  it("holds tickets that use no place without touching capacity", async () => {
    const ctx = testCtx(db.current.db, { now: t0 });
    const { slot, infant } = await bookableShow(db.current.db, t0, { capacity: 1 });
    await addToCart({ ctx, input: { owner: guest(), slotId: slot.id, ticketTypeId: infant.id, quantity: 3 } });
    expect(await slotCounts(db.current.db, slot.id)).toMatchObject({ held: 0 });
  });

  it("refuses beyond the limit per line and per slot, changing nothing", async () => {
    const ctx = testCtx(db.current.db, { now: t0 });
    const { slot, adult, infant } = await bookableShow(db.current.db, t0);
    const owner = guest();
    await addToCart({ ctx, input: { owner, slotId: slot.id, ticketTypeId: adult.id, quantity: 8 } });
    expect(await refusal(addToCart({ ctx, input: { owner, slotId: slot.id, ticketTypeId: adult.id, quantity: 3 } }))).toMatchObject({ code: "limit_exceeded", details: { limit: 10 } });
    expect(await refusal(addToCart({ ctx, input: { owner, slotId: slot.id, ticketTypeId: infant.id, quantity: 3 } }))).toMatchObject({ code: "limit_exceeded" });
    await addToCart({ ctx, input: { owner, slotId: slot.id, ticketTypeId: infant.id, quantity: 2 } });
    expect(await slotCounts(db.current.db, slot.id)).toMatchObject({ held: 8 });
  });

  it("refuses closed slots and ticket types that are not for sale here", async () => {
    const ctx = testCtx(db.current.db, { now: t0 });
    const { slot, adult, exhibition } = await bookableShow(db.current.db, t0);
    const started = await createSlot(db.current.db, exhibition.id, { startsAt: minutes(-5) });
    const cancelled = await createSlot(db.current.db, exhibition.id, { startsAt: minutes(600), status: "cancelled" });
    const tooFar = await createSlot(db.current.db, exhibition.id, { startsAt: new Date(t0.getTime() + 61 * 86_400_000) });
    const retired = await createTicketType(db.current.db, exhibition.id, { code: "retired", active: false });
    const elsewhere = await createTicketType(db.current.db, (await createExhibition(db.current.db)).id, { code: "adult" });
    const draft = await createExhibition(db.current.db, { status: "draft" });
    const draftSlot = await createSlot(db.current.db, draft.id, { startsAt: minutes(600) });
    const add = (slotId: string, ticketTypeId: string) => refusal(addToCart({ ctx, input: { owner: guest(), slotId, ticketTypeId, quantity: 1 } }));

    expect((await add(started.id, adult.id)).code).toBe("slot_closed");
    expect((await add(cancelled.id, adult.id)).code).toBe("slot_closed");
    expect((await add(tooFar.id, adult.id)).code).toBe("slot_closed");
    expect((await add(slot.id, retired.id)).code).toBe("ticket_type_unavailable");
    expect((await add(slot.id, elsewhere.id)).code).toBe("not_found");
    expect((await add(draftSlot.id, adult.id)).code).toBe("not_found");
    expect((await add("00000000-0000-4000-8000-000000000000", adult.id)).code).toBe("not_found");
  });

  it("says how many places are left, and sold out when none are", async () => {
    const ctx = testCtx(db.current.db, { now: t0 });
    const { slot, adult } = await bookableShow(db.current.db, t0, { capacity: 5 });
    await addToCart({ ctx, input: { owner: guest(), slotId: slot.id, ticketTypeId: adult.id, quantity: 2 } });
    const short = await refusal(addToCart({ ctx, input: { owner: guest(), slotId: slot.id, ticketTypeId: adult.id, quantity: 4 } }));
    expect(short).toMatchObject({ code: "insufficient_capacity", details: { available: 3 }, message: "Only 3 places left for 10:30." });
    await addToCart({ ctx, input: { owner: guest(), slotId: slot.id, ticketTypeId: adult.id, quantity: 3 } });
    expect(await refusal(addToCart({ ctx, input: { owner: guest(), slotId: slot.id, ticketTypeId: adult.id, quantity: 1 } }))).toMatchObject({ code: "sold_out" });
    expect(await slotCounts(db.current.db, slot.id)).toMatchObject({ held: 5 });
  });
});

describe("changing and removing", () => {
  it("raises only with room, lowers and removes at once", async () => {
    const ctx = testCtx(db.current.db, { now: t0 });
    const { slot, adult } = await bookableShow(db.current.db, t0, { capacity: 6 });
    const owner = guest();
    const cart = await addToCart({ ctx, input: { owner, slotId: slot.id, ticketTypeId: adult.id, quantity: 2 } });
    const itemId = cart.items[0]!.id;
    await addToCart({ ctx, input: { owner: guest(), slotId: slot.id, ticketTypeId: adult.id, quantity: 3 } });

    expect(await refusal(changeQuantity({ ctx, input: { owner, itemId, quantity: 4 } }))).toMatchObject({ code: "insufficient_capacity", details: { available: 1 } });
    expect(await slotCounts(db.current.db, slot.id)).toMatchObject({ held: 5 });
    await changeQuantity({ ctx, input: { owner, itemId, quantity: 3 } });
    expect(await slotCounts(db.current.db, slot.id)).toMatchObject({ held: 6 });
    await changeQuantity({ ctx, input: { owner, itemId, quantity: 1 } });
    expect(await slotCounts(db.current.db, slot.id)).toMatchObject({ held: 4 });
    const after = await removeItem({ ctx, input: { owner, itemId } });
    expect(after.items).toEqual([]);
    expect(await slotCounts(db.current.db, slot.id)).toMatchObject({ held: 3 });
  });

  it("treats another visitor's line as unknown", async () => {
    const ctx = testCtx(db.current.db, { now: t0 });
    const { slot, adult } = await bookableShow(db.current.db, t0);
    const owner = guest();
    const itemId = (await addToCart({ ctx, input: { owner, slotId: slot.id, ticketTypeId: adult.id, quantity: 2 } })).items[0]!.id;
    const stranger = guest();
    await addToCart({ ctx, input: { owner: stranger, slotId: slot.id, ticketTypeId: adult.id, quantity: 1 } });
    expect((await refusal(changeQuantity({ ctx, input: { owner: stranger, itemId, quantity: 1 } }))).code).toBe("not_found");
    expect((await refusal(removeItem({ ctx, input: { owner: stranger, itemId } }))).code).toBe("not_found");
    expect((await refusal(removeItem({ ctx, input: { owner: guest(), itemId } }))).code).toBe("not_found");
    expect(await slotCounts(db.current.db, slot.id)).toMatchObject({ held: 3 });
  });
});

describe("hold timers", () => {
  it("re-arms every held line on each change, but never past HOLD_MAX since first held", async () => {
    const clock = { now: t0 };
    const ctx = testCtx(db.current.db, clock, { holdTtlSeconds: 900, holdMaxSeconds: 1800 });
    const { slots, adult } = await bookableShow(db.current.db, t0, { slots: 2 });
    const owner = guest();
    await addToCart({ ctx, input: { owner, slotId: slots[0]!.id, ticketTypeId: adult.id, quantity: 1 } });
    clock.now = minutes(10);
    let cart = await addToCart({ ctx, input: { owner, slotId: slots[1]!.id, ticketTypeId: adult.id, quantity: 1 } });
    expect(cart.items.map((item) => item.holdExpiresAt)).toEqual([minutes(25).toISOString(), minutes(25).toISOString()]);
    clock.now = minutes(24);
    cart = await changeQuantity({ ctx, input: { owner, itemId: cart.items[1]!.id, quantity: 2 } });
    expect(cart.items.map((item) => item.holdExpiresAt)).toEqual([minutes(30).toISOString(), minutes(39).toISOString()]);
  });

  it("a failed change does not re-arm anything", async () => {
    const clock = { now: t0 };
    const ctx = testCtx(db.current.db, clock);
    const { slot, adult } = await bookableShow(db.current.db, t0, { capacity: 2 });
    const owner = guest();
    const cart = await addToCart({ ctx, input: { owner, slotId: slot.id, ticketTypeId: adult.id, quantity: 2 } });
    clock.now = minutes(10);
    await refusal(addToCart({ ctx, input: { owner, slotId: slot.id, ticketTypeId: adult.id, quantity: 1 } }));
    expect((await getCart({ ctx, input: { owner } })).holdExpiresAt).toBe(cart.holdExpiresAt);
  });
});

describe("expiry", () => {
  it("keeps an expired line in the cart, marked expired, and never lets it block a buyer", async () => {
    const clock = { now: t0 };
    const ctx = testCtx(db.current.db, clock);
    const { slot, adult } = await bookableShow(db.current.db, t0, { capacity: 4 });
    const sleeper = guest();
    await addToCart({ ctx, input: { owner: sleeper, slotId: slot.id, ticketTypeId: adult.id, quantity: 4 } });

    clock.now = minutes(16);
    const view = await getCart({ ctx, input: { owner: sleeper } });
    expect(view.items[0]).toMatchObject({ status: "expired", quantity: 4 });
    expect(view).toMatchObject({ holdExpiresAt: null, total: { amount: 0 } });

    // No sweep has run: the buyer's request gives the expired places back itself.
    const buyer = await addToCart({ ctx, input: { owner: guest(), slotId: slot.id, ticketTypeId: adult.id, quantity: 4 } });
    expect(buyer.items[0]!.status).toBe("held");
    expect(await slotCounts(db.current.db, slot.id)).toMatchObject({ held: 4 });
    expect((await getCart({ ctx, input: { owner: sleeper } })).items[0]).toMatchObject({ status: "expired", quantity: 4 });
  });

  it("the sweeper gives expired places back", async () => {
    const clock = { now: t0 };
    const ctx = testCtx(db.current.db, clock);
    const { slot, adult } = await bookableShow(db.current.db, t0);
    await addToCart({ ctx, input: { owner: guest(), slotId: slot.id, ticketTypeId: adult.id, quantity: 3 } });
    expect((await releaseAllExpiredHolds(db.current.db, minutes(14))).released).toBe(0);
    expect(await slotCounts(db.current.db, slot.id)).toMatchObject({ held: 3 });
    await releaseAllExpiredHolds(db.current.db, minutes(16));
    expect(await slotCounts(db.current.db, slot.id)).toMatchObject({ held: 0 });
  });

  it("the sweeper leaves alone the lines a cart change has read, so their places are never given back twice", async () => {
    const clock = { now: t0 };
    const ctx = testCtx(db.current.db, clock);
    const { slot, adult } = await bookableShow(db.current.db, t0);
    const owner = guest();
    const cart = await addToCart({ ctx, input: { owner, slotId: slot.id, ticketTypeId: adult.id, quantity: 2 } });
    const pool = connectDatabase(db.current.url, { max: 2 });
    try {
      let release!: () => void;
      const readerDone = pool.db.transaction(async (tx) => {
        const lines = await cartLines(tx, cart.id!);
        expect(lines[0]!.status).toBe("held");
        await new Promise<void>((resolve) => (release = resolve));
      });
      await new Promise((resolve) => setTimeout(resolve, 50));
      const swept = await pool.db.transaction((tx) => releaseExpiredHoldsOfSlot(tx, slot.id, minutes(20)));
      release();
      await readerDone;
      expect(swept).toBe(0);
      expect(await slotCounts(db.current.db, slot.id)).toMatchObject({ held: 2 });
    } finally {
      await pool.close();
    }
  });

  it("renew holds expired lines again where there is room; the rest stay expired", async () => {
    const clock = { now: t0 };
    const ctx = testCtx(db.current.db, clock);
    const { slots, adult } = await bookableShow(db.current.db, t0, { capacity: 3, slots: 2 });
    const owner = guest();
    await addToCart({ ctx, input: { owner, slotId: slots[0]!.id, ticketTypeId: adult.id, quantity: 2 } });
    await addToCart({ ctx, input: { owner, slotId: slots[1]!.id, ticketTypeId: adult.id, quantity: 2 } });
    clock.now = minutes(20);
    await addToCart({ ctx, input: { owner: guest(), slotId: slots[1]!.id, ticketTypeId: adult.id, quantity: 2 } });

    const renewed = await renewHolds({ ctx, input: { owner } });
    const bySlot = Object.fromEntries(renewed.items.map((item) => [item.slotId, item]));
    expect(bySlot[slots[0]!.id]).toMatchObject({ status: "held", holdExpiresAt: minutes(35).toISOString() });
    expect(bySlot[slots[1]!.id]).toMatchObject({ status: "expired", quantity: 2 });
    expect(await slotCounts(db.current.db, slots[0]!.id)).toMatchObject({ held: 2 });
    expect(await slotCounts(db.current.db, slots[1]!.id)).toMatchObject({ held: 2 });
  });

  it("renews a line that ran out at most MAX_HOLD_RENEWALS times; adding to it holds it again", async () => {
    const clock = { now: t0 };
    const ctx = testCtx(db.current.db, clock, { maxHoldRenewals: 2, holdMaxSeconds: 900 });
    const { slot, adult } = await bookableShow(db.current.db, t0);
    const owner = guest();
    await addToCart({ ctx, input: { owner, slotId: slot.id, ticketTypeId: adult.id, quantity: 2 } });
    for (const at of [16, 32]) {
      clock.now = minutes(at);
      expect((await renewHolds({ ctx, input: { owner } })).items[0]).toMatchObject({ status: "held", holdExpiresAt: minutes(at + 15).toISOString() });
    }
    clock.now = minutes(48);
    expect((await renewHolds({ ctx, input: { owner } })).items[0]).toMatchObject({ status: "expired" });
    expect(await slotCounts(db.current.db, slot.id)).toMatchObject({ held: 0 });
    const added = await addToCart({ ctx, input: { owner, slotId: slot.id, ticketTypeId: adult.id, quantity: 1 } });
    expect(added.items[0]).toMatchObject({ status: "held", quantity: 3, holdExpiresAt: minutes(63).toISOString() });
  });

  it("an expired line raised by an add is held afresh with its new total", async () => {
    const clock = { now: t0 };
    const ctx = testCtx(db.current.db, clock);
    const { slot, adult } = await bookableShow(db.current.db, t0);
    const owner = guest();
    await addToCart({ ctx, input: { owner, slotId: slot.id, ticketTypeId: adult.id, quantity: 2 } });
    clock.now = minutes(20);
    const cart = await addToCart({ ctx, input: { owner, slotId: slot.id, ticketTypeId: adult.id, quantity: 1 } });
    expect(cart.items[0]).toMatchObject({ quantity: 3, status: "held" });
    expect(await slotCounts(db.current.db, slot.id)).toMatchObject({ held: 3 });
  });
});
