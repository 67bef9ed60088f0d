import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { connectDatabase } from "@/db/client";
import { orders, timeSlots } from "@/db/schema";
import { databaseForThisFile } from "../../../tests/support/database";
import { bookableShow, guest, holdAccounts, minutes, slotCounts, t0, testCtx } from "../../../tests/support/cart-fixtures";
import { createSlot, createTicketType } from "../../../tests/support/factories";
import { contact, jobsOf, paidEvent as paid, paymentId, paymentsOf, pendingOrder as placeOrder, ticketsOf as ticketsIn } from "../../../tests/support/order-fixtures";
import { addToCart } from "../cart/add-to-cart";
import { removeItem } from "../cart/remove-item";
import { getCart } from "../cart/get-cart";
import { DomainError } from "../errors";
import { applyPaymentEvent } from "./apply-payment";
import { checkout } from "./checkout";
import { expireOrders } from "./expire-orders";

const db = databaseForThisFile();
const refusal = async (promise: Promise<unknown>) => (await promise.then(() => undefined, (error: unknown) => error)) as DomainError;
const pendingOrder = (clock: { now: Date }, capacity?: number) => placeOrder(db.current.db, clock, capacity);
const ticketsOf = (orderId: string) => ticketsIn(db.current.db, orderId);

describe("checkout", () => {
  it("moves the held lines into an order waiting for payment; the places move with them", async () => {
    const clock = { now: t0 };
    const { ctx, show, owner, order } = await pendingOrder(clock);
    expect(order).toMatchObject({ status: "pending_payment", name: "Asha Rao", email: "asha@example.org", total: { amount: 50_000, currency: "INR" }, expiresAt: minutes(15).toISOString(), paidAt: null, tickets: [] });
    expect(order.items.map((item) => `${item.quantity} ${item.ticketType.name}`).sort()).toEqual(["1 Under 3", "2 Adult"]);
    expect((await getCart({ ctx, input: { owner } })).items).toEqual([]);
    expect(await slotCounts(db.current.db, show.slot.id)).toMatchObject({ held: 2, sold: 0 });
    expect((await holdAccounts(db.current.db)).find((row) => row.id === show.slot.id)).toMatchObject({ held: 2, live: 2 });
  });

  it("refuses an empty cart with cart_empty and a cart whose holds ran out with cart_expired, changing nothing", async () => {
    const clock = { now: t0 };
    const ctx = testCtx(db.current.db, clock);
    expect((await refusal(checkout({ ctx, input: { owner: guest(), contact, provider: "test" } }))).code).toBe("cart_empty");
    const show = await bookableShow(db.current.db, t0);
    const owner = guest();
    await addToCart({ ctx, input: { owner, slotId: show.slot.id, ticketTypeId: show.adult.id, quantity: 1 } });
    clock.now = minutes(16);
    expect((await refusal(checkout({ ctx, input: { owner, contact, provider: "test" } }))).code).toBe("cart_expired");
    expect((await getCart({ ctx, input: { owner } })).items).toHaveLength(1);
  });

  it("refuses with slot_closed, naming the lines and changing nothing, when a held line's slot was closed or has started", async () => {
    const clock = { now: t0 };
    const ctx = testCtx(db.current.db, clock);
    const show = await bookableShow(db.current.db, t0, { slots: 2 });
    const soon = await createSlot(db.current.db, show.exhibition.id, { startsAt: minutes(10) });
    const owner = guest();
    const buyer = { name: "Ravi Iyer", email: "closed@example.org" };
    const add = (slotId: string) => addToCart({ ctx, input: { owner, slotId, ticketTypeId: show.adult.id, quantity: 2 } });
    await add(show.slots[0]!.id);
    await add(soon.id);
    const cart = await add(show.slots[1]!.id);
    const lineOf = (slotId: string) => cart.items.find((item) => item.slotId === slotId)!.id;
    await db.current.db.update(timeSlots).set({ status: "cancelled" }).where(eq(timeSlots.id, show.slots[1]!.id));
    clock.now = minutes(11);

    const refused = await refusal(checkout({ ctx, input: { owner, contact: buyer, provider: "test" } }));
    expect(refused).toMatchObject({ code: "slot_closed" });
    expect(refused.message).toContain(`${show.exhibition.title} at 10:40`);
    expect((refused.details.itemIds as string[]).sort()).toEqual([lineOf(soon.id), lineOf(show.slots[1]!.id)].sort());
    expect((await getCart({ ctx, input: { owner } })).items.map((item) => item.status)).toEqual(["held", "held", "held"]);
    expect(await db.current.db.select().from(orders).where(eq(orders.email, "closed@example.org"))).toEqual([]);
    for (const slot of [soon, ...show.slots]) expect(await slotCounts(db.current.db, slot.id)).toMatchObject({ held: 2, sold: 0 });

    // Once the visitor removes them, the rest is bought.
    await removeItem({ ctx, input: { owner, itemId: lineOf(soon.id) } });
    await removeItem({ ctx, input: { owner, itemId: lineOf(show.slots[1]!.id) } });
    const order = await checkout({ ctx, input: { owner, contact: buyer, provider: "test" } });
    expect(order.items.map((item) => item.slotId)).toEqual([show.slots[0]!.id]);
  });

  it("refuses children's tickets without an adult's for the same slot with companion_required, naming them and changing nothing", async () => {
    const clock = { now: t0 };
    const ctx = testCtx(db.current.db, clock);
    const show = await bookableShow(db.current.db, t0, { slots: 2 });
    const child = await createTicketType(db.current.db, show.exhibition.id, { code: "child", name: "Child", priceMinor: 10_000, requiresCompanion: true });
    const owner = guest();
    const buyer = { name: "Ravi Iyer", email: "child-only@example.org" };
    await addToCart({ ctx, input: { owner, slotId: show.slots[0]!.id, ticketTypeId: show.adult.id, quantity: 1 } });
    await addToCart({ ctx, input: { owner, slotId: show.slots[0]!.id, ticketTypeId: child.id, quantity: 1 } });
    // An adult at 10:00 does not accompany a child at 10:30.
    const cart = await addToCart({ ctx, input: { owner, slotId: show.slots[1]!.id, ticketTypeId: child.id, quantity: 2 } });

    const refused = await refusal(checkout({ ctx, input: { owner, contact: buyer, provider: "test" } }));
    expect(refused).toMatchObject({ code: "companion_required" });
    expect(refused.details.itemIds).toEqual([cart.items.find((item) => item.slotId === show.slots[1]!.id)!.id]);
    expect(await db.current.db.select().from(orders).where(eq(orders.email, "child-only@example.org"))).toEqual([]);

    await addToCart({ ctx, input: { owner, slotId: show.slots[1]!.id, ticketTypeId: show.adult.id, quantity: 1 } });
    expect((await checkout({ ctx, input: { owner, contact: buyer, provider: "test" } })).items).toHaveLength(4);
  });
});

describe("an unpaid order", () => {
  it("gives its places back when the time to pay runs out", async () => {
    const clock = { now: t0 };
    const { show, order } = await pendingOrder(clock);
    const statusOf = async () => (await db.current.db.select().from(orders).where(eq(orders.id, order.id)))[0]!.status;
    await expireOrders(db.current.db, minutes(14));
    expect(await statusOf()).toBe("pending_payment");
    expect(await expireOrders(db.current.db, minutes(15))).toBeGreaterThanOrEqual(1);
    expect(await slotCounts(db.current.db, show.slot.id)).toMatchObject({ held: 0, sold: 0 });
    expect(await statusOf()).toBe("expired");
  });

  it("stays payable after a declined payment", async () => {
    const clock = { now: t0 };
    const { ctx, show, order } = await pendingOrder(clock);
    expect(await applyPaymentEvent({ ctx, input: paid(order.id, { type: "failed" }) })).toBe("declined");
    expect(await applyPaymentEvent({ ctx, input: paid(order.id) })).toBe("paid");
    expect(await slotCounts(db.current.db, show.slot.id)).toMatchObject({ held: 0, sold: 2 });
    // A failure reported after the payment (events arrive in any order) changes nothing.
    expect(await applyPaymentEvent({ ctx, input: paid(order.id, { type: "failed" }) })).toBe("ignored");
    expect(await ticketsOf(order.id)).toHaveLength(3);
  });
});

describe("a payment", () => {
  it("sells the held places and issues one ticket per unit, with the confirmation queued, in one go", async () => {
    const clock = { now: t0 };
    const { ctx, show, order } = await pendingOrder(clock);
    expect(await applyPaymentEvent({ ctx, input: paid(order.id) })).toBe("paid");
    expect(await slotCounts(db.current.db, show.slot.id)).toMatchObject({ held: 0, sold: 2 });
    const issued = await ticketsOf(order.id);
    expect(issued).toHaveLength(3);
    expect(new Set(issued.map((ticket) => ticket.code)).size).toBe(3);
    for (const ticket of issued) expect(ticket.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    expect(await jobsOf(db.current.db, order.id)).toEqual([{ kind: "confirmation", payment: null }]);
    expect(await paymentsOf(db.current.db, order.id)).toEqual([{ ref: "pay_1", status: "applied", reason: null }]);
  });

  it("delivered three times gives one set of tickets", async () => {
    const clock = { now: t0 };
    const { ctx, order } = await pendingOrder(clock);
    const event = paid(order.id);
    const outcomes = [];
    for (let i = 0; i < 3; i++) outcomes.push(await applyPaymentEvent({ ctx, input: event }));
    expect(outcomes).toEqual(["paid", "duplicate", "duplicate"]);
    expect(await ticketsOf(order.id)).toHaveLength(3);
  });

  it("delivered concurrently on separate connections gives one set of tickets", async () => {
    const clock = { now: t0 };
    const { order, show } = await pendingOrder(clock);
    const pool = connectDatabase(db.current.url, { max: 8 });
    try {
      const event = paid(order.id);
      const outcomes = await Promise.all(Array.from({ length: 8 }, () => applyPaymentEvent({ ctx: testCtx(pool.db, clock), input: event })));
      expect(outcomes.filter((outcome) => outcome === "paid")).toHaveLength(1);
      expect(outcomes.filter((outcome) => outcome === "duplicate")).toHaveLength(7);
      // Two different events for one payment (Stripe and Razorpay send several) sell it once and refund nothing.
      const second = await Promise.all([paid(order.id), paid(order.id)].map((input) => applyPaymentEvent({ ctx: testCtx(pool.db, clock), input })));
      expect(second).toEqual(["ignored", "ignored"]);
    } finally {
      await pool.close();
    }
    expect(await ticketsOf(order.id)).toHaveLength(3);
    expect(await slotCounts(db.current.db, show.slot.id)).toMatchObject({ held: 0, sold: 2 });
  });

  it("after the order expired takes the places again when they are free", async () => {
    const clock = { now: t0 };
    const { ctx, show, order } = await pendingOrder(clock);
    await expireOrders(db.current.db, minutes(20));
    clock.now = minutes(21);
    expect(await applyPaymentEvent({ ctx, input: paid(order.id) })).toBe("late_paid");
    expect(await slotCounts(db.current.db, show.slot.id)).toMatchObject({ held: 0, sold: 2 });
    expect(await ticketsOf(order.id)).toHaveLength(3);
  });

  it("after the order expired takes the places again past a hold that has run out but was not yet swept", async () => {
    const clock = { now: t0 };
    const { ctx, show, order } = await pendingOrder(clock, 3);
    await expireOrders(db.current.db, minutes(20));
    clock.now = minutes(20);
    await addToCart({ ctx, input: { owner: guest(), slotId: show.slot.id, ticketTypeId: show.adult.id, quantity: 3 } });
    clock.now = minutes(90);
    expect(await applyPaymentEvent({ ctx, input: paid(order.id) })).toBe("late_paid");
    expect(await slotCounts(db.current.db, show.slot.id)).toMatchObject({ held: 0, sold: 2, capacity: 3 });
  });

  it("after the order expired and its places were sold is refunded: nothing oversold, no tickets, the refund queued for that payment", async () => {
    const clock = { now: t0 };
    const { ctx, show, order } = await pendingOrder(clock, 3);
    await expireOrders(db.current.db, minutes(20));
    await db.current.db.update(timeSlots).set({ sold: 2 }).where(eq(timeSlots.id, show.slot.id));
    clock.now = minutes(21);
    expect(await applyPaymentEvent({ ctx, input: paid(order.id) })).toBe("late_no_room");
    expect(await slotCounts(db.current.db, show.slot.id)).toMatchObject({ held: 0, sold: 2, capacity: 3 });
    expect(await ticketsOf(order.id)).toEqual([]);
    expect((await db.current.db.select().from(orders).where(eq(orders.id, order.id)))[0]).toMatchObject({ status: "refunded", paymentRef: paymentId("pay_1", order.id) });
    expect(await jobsOf(db.current.db, order.id)).toEqual([{ kind: "refund", payment: "pay_1" }]);
    // A later payment cannot sell it after all, even with its places free again: it is refunded too.
    await db.current.db.update(timeSlots).set({ sold: 0 }).where(eq(timeSlots.id, show.slot.id));
    expect(await applyPaymentEvent({ ctx, input: paid(order.id, { paymentRef: "pay_2" }) })).toBe("order_closed");
    expect(await ticketsOf(order.id)).toEqual([]);
    expect(await paymentsOf(db.current.db, order.id)).toEqual([
      { ref: "pay_1", status: "refunding", reason: "late_no_room" },
      { ref: "pay_2", status: "refunding", reason: "order_closed" },
    ]);
  });
});
