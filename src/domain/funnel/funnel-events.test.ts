import { asc, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { connectDatabase } from "@/db/client";
import { funnelEvents } from "@/db/schema";
import { addToCart, addToCarts } from "@/domain/cart/add-to-cart";
import { getCart } from "@/domain/cart/get-cart";
import { mergeOnSignIn } from "@/domain/cart/sign-in-merge";
import type { FunnelEvent } from "@/domain/funnel/events";
import { bookableShow, guest, minutes, t0, testCtx } from "../../../tests/support/cart-fixtures";
import { databaseForThisFile } from "../../../tests/support/database";
import { staffMember } from "../../../tests/support/staff-fixtures";

const db = databaseForThisFile();
const eventsOf = (slotId: string) =>
  db.current.db.select({ kind: funnelEvents.kind, outcome: funnelEvents.outcome, quantity: funnelEvents.quantity, cartId: funnelEvents.cartId }).from(funnelEvents).where(eq(funnelEvents.slotId, slotId)).orderBy(asc(funnelEvents.id));

describe("funnel events written by the cart verbs", () => {
  it("a batch that does not fit records each add's answer, taken or refused with its code, and the refused keep no cart; the observer hears each once", async () => {
    const heard: FunnelEvent[] = [];
    const ctx = { ...testCtx(db.current.db, { now: t0 }), funnel: (events: readonly FunnelEvent[]) => void heard.push(...events) };
    const { slot, adult } = await bookableShow(db.current.db, t0, { capacity: 5 });
    const results = await addToCarts({ ctx, input: Array.from({ length: 3 }, () => ({ owner: guest(), slotId: slot.id, ticketTypeId: adult.id, quantity: 2 })) });
    const ids = results.map((result) => ("cart" in result ? result.cart.id : null));
    expect(await eventsOf(slot.id)).toEqual([
      { kind: "cart_add", outcome: "ok", quantity: 2, cartId: ids[0] },
      { kind: "cart_add", outcome: "ok", quantity: 2, cartId: ids[1] },
      { kind: "cart_add", outcome: "insufficient_capacity", quantity: 2, cartId: null },
    ]);
    // The batch was first tried together and rolled back for want of room: what that attempt recorded is not heard.
    expect(heard.map((event) => event.outcome)).toEqual(["ok", "ok", "insufficient_capacity"]);
  });

  it("records a hold that expired when the visitor's own next request finds it, not only the sweeper's", async () => {
    const clock = { now: t0 };
    const ctx = testCtx(db.current.db, clock);
    const { slot, adult } = await bookableShow(db.current.db, t0);
    const owner = guest();
    const cart = await addToCart({ ctx, input: { owner, slotId: slot.id, ticketTypeId: adult.id, quantity: 3 } });
    clock.now = minutes(16);
    await addToCart({ ctx, input: { owner, slotId: slot.id, ticketTypeId: adult.id, quantity: 1 } });
    expect((await getCart({ ctx, input: { owner } })).items).toEqual([expect.objectContaining({ quantity: 4, status: "held" })]);
    expect(await eventsOf(slot.id)).toEqual([
      { kind: "cart_add", outcome: "ok", quantity: 3, cartId: cart.id },
      { kind: "hold_expired", outcome: null, quantity: 3, cartId: cart.id },
      { kind: "cart_add", outcome: "ok", quantity: 1, cartId: cart.id },
    ]);
  });

  it("records one first cart after a sign-in, however many adds race for it, and another after the next sign-in", async () => {
    const clock = { now: t0 };
    const { slots, adult } = await bookableShow(db.current.db, t0, { slots: 4 });
    const user = await staffMember(db.current.db, "door");
    const owner = { kind: "user" as const, userId: user.userId };
    await mergeOnSignIn({ ctx: testCtx(db.current.db, clock), input: { userId: user.userId } });
    clock.now = minutes(2);
    // Four connections at once, each its own transaction.
    const pools = slots.map(() => connectDatabase(db.current.url, { max: 1 }));
    try {
      await Promise.all(pools.map((pool, i) => addToCart({ ctx: testCtx(pool.db, clock), input: { owner, slotId: slots[i]!.id, ticketTypeId: adult.id, quantity: 1 } })));
    } finally {
      await Promise.all(pools.map((pool) => pool.close()));
    }
    clock.now = minutes(10);
    await mergeOnSignIn({ ctx: testCtx(db.current.db, clock), input: { userId: user.userId } });
    clock.now = minutes(10.5);
    await addToCart({ ctx: testCtx(db.current.db, clock), input: { owner, slotId: slots[0]!.id, ticketTypeId: adult.id, quantity: 1 } });
    const firsts = await db.current.db.select({ durationMs: funnelEvents.durationMs }).from(funnelEvents).where(eq(funnelEvents.kind, "first_cart_after_sign_in")).orderBy(asc(funnelEvents.id));
    expect(firsts).toEqual([{ durationMs: 120_000 }, { durationMs: 30_000 }]);
  });

  it("lets a visitor signed in for weeks (a session renewed by use) add to the cart: the time since the sign-in outgrows an integer of milliseconds", async () => {
    const clock = { now: t0 };
    const { slot, adult } = await bookableShow(db.current.db, t0);
    slot.startsAt = new Date(t0.getTime() + 40 * 86_400_000);
    await db.current.db.execute(sql`UPDATE time_slots SET starts_at = ${slot.startsAt}, ends_at = ${new Date(slot.startsAt.getTime() + 3_600_000)} WHERE id = ${slot.id}`);
    const user = await staffMember(db.current.db, "door");
    await mergeOnSignIn({ ctx: testCtx(db.current.db, clock), input: { userId: user.userId } });
    // 25 days: 2,160,000,000 ms, past 2^31 - 1.
    clock.now = new Date(t0.getTime() + 25 * 86_400_000);
    const cart = await addToCart({ ctx: testCtx(db.current.db, clock), input: { owner: { kind: "user", userId: user.userId }, slotId: slot.id, ticketTypeId: adult.id, quantity: 1 } });
    expect(cart.items).toHaveLength(1);
  });
});
