import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { cartItems, orderItems, outbox, refunds, tickets, timeSlots } from "@/db/schema";
import { addToCart } from "@/domain/cart/add-to-cart";
import { applyPaymentEvent } from "@/domain/checkout/apply-payment";
import { isDomainError } from "@/domain/errors";
import { bookableShow, guest, holdAccounts, slotCounts, t0, testCtx } from "../../../tests/support/cart-fixtures";
import { databaseForThisFile } from "../../../tests/support/database";
import { createSlot } from "../../../tests/support/factories";
import { jobsOf, paidEvent, paymentsOf } from "../../../tests/support/order-fixtures";
import { auditOf, orderStatus, placeOrder, ticketsWithSlots } from "../../../tests/support/slot-fixtures";
import { staffCtx, staffMember } from "../../../tests/support/staff-fixtures";
import { cancelSlot } from "./cancel-slot";
import { listStaffSlots } from "./list-staff-slots";

const db = databaseForThisFile();
const clock = { now: t0 };
const admin = async () => staffCtx(db.current.db, clock, await staffMember(db.current.db, "admin"));
const visitors = () => testCtx(db.current.db, clock);
const refusal = (promise: Promise<unknown>) => promise.then(() => "done", (error: unknown) => (isDomainError(error) ? { code: error.code, ...error.details } : Promise.reject(error)));
const mailsOf = async (orderId: string) => (await db.current.db.select({ kind: outbox.kind, subject: outbox.subjectId }).from(outbox).where(eq(outbox.orderId, orderId))).filter((job) => job.kind.startsWith("slot_"));

/** Every slot's held agrees with its live holds (the reconciler's view) and no slot is over capacity. */
async function countsAgree() {
  for (const row of await holdAccounts(db.current.db)) {
    expect(row.held, `slot ${row.id}`).toBe(row.live);
    expect(row.held + row.sold).toBeLessThanOrEqual(row.capacity);
  }
}

/** Three slots of one show (A is cancelled, B the target, C another) and what visitors did with them. */
async function busyShow(targetCapacity = 20) {
  const show = await bookableShow(db.current.db, t0, { capacity: 20, slots: 3 });
  const [a, b, c] = show.slots as [typeof show.slot, typeof show.slot, typeof show.slot];
  await db.current.db.update(timeSlots).set({ capacity: targetCapacity }).where(eq(timeSlots.id, b.id));
  const cart = guest();
  await addToCart({ ctx: visitors(), input: { owner: cart, slotId: a.id, ticketTypeId: show.adult.id, quantity: 2 } });
  await addToCart({ ctx: visitors(), input: { owner: cart, slotId: c.id, ticketTypeId: show.adult.id, quantity: 1 } });
  const unpaid = await placeOrder(visitors(), [{ slotId: a.id, ticketTypeId: show.adult.id, quantity: 2 }, { slotId: c.id, ticketTypeId: show.adult.id, quantity: 1 }], { pay: false });
  const paid = await placeOrder(visitors(), [{ slotId: a.id, ticketTypeId: show.adult.id, quantity: 3 }]);
  const family = await placeOrder(visitors(), [{ slotId: a.id, ticketTypeId: show.adult.id, quantity: 2 }, { slotId: a.id, ticketTypeId: show.infant.id, quantity: 1 }]);
  const split = await placeOrder(visitors(), [{ slotId: a.id, ticketTypeId: show.adult.id, quantity: 1 }, { slotId: c.id, ticketTypeId: show.adult.id, quantity: 1 }]);
  return { show, a, b, c, cart, unpaid, paid, family, split };
}

describe("cancelling a slot and moving its visitors", () => {
  it("releases cart holds, cancels unpaid orders with all their holds, moves paid tickets with new codes, mails every buyer and audits it", async () => {
    const ctx = await admin();
    const { a, b, c, cart, unpaid, paid, family, split } = await busyShow();
    const before = { paid: await ticketsWithSlots(db.current.db, paid.id), family: await ticketsWithSlots(db.current.db, family.id) };
    expect(await slotCounts(db.current.db, a.id)).toMatchObject({ held: 4, sold: 6 });

    const outcomes = await cancelSlot({ ctx, input: { slotId: a.id, reason: "The projector is broken", moveTo: b.id } });
    expect(outcomes).toEqual(
      expect.arrayContaining([
        { id: unpaid.id, number: unpaid.number, outcome: "cancelled" },
        { id: paid.id, number: paid.number, outcome: "moved" },
        { id: family.id, number: family.number, outcome: "moved" },
        { id: split.id, number: split.number, outcome: "moved" },
      ]),
    );
    expect(outcomes).toHaveLength(4);

    // The slot: cancelled with its reason, nothing held or sold any more; B has the moved places; C lost the unpaid order's hold only.
    const [slotA] = await db.current.db.select().from(timeSlots).where(eq(timeSlots.id, a.id));
    expect(slotA).toMatchObject({ status: "cancelled", cancelReason: "The projector is broken", held: 0, sold: 0 });
    expect(await slotCounts(db.current.db, b.id)).toMatchObject({ held: 0, sold: 6 });
    expect(await slotCounts(db.current.db, c.id)).toMatchObject({ held: 1, sold: 1 });
    expect(await db.current.db.select({ slotId: cartItems.slotId }).from(cartItems).where(inArray(cartItems.slotId, [a.id, c.id]))).toEqual([{ slotId: c.id }]);
    expect(cart.kind).toBe("guest");
    await countsAgree();

    expect(await orderStatus(db.current.db, unpaid.id)).toBe("cancelled");
    for (const [order, old] of [[paid, before.paid], [family, before.family]] as const) {
      expect(await orderStatus(db.current.db, order.id)).toBe("paid");
      const now = await ticketsWithSlots(db.current.db, order.id);
      const valid = now.filter((ticket) => ticket.status === "valid");
      expect(valid).toHaveLength(old.length);
      expect(valid.every((ticket) => ticket.slotId === b.id)).toBe(true);
      expect(valid.some((ticket) => old.some((previous) => previous.code === ticket.code))).toBe(false);
      expect(now.filter((ticket) => old.some((previous) => previous.id === ticket.id))).toEqual(old.map((ticket) => expect.objectContaining({ id: ticket.id, status: "void", voidReason: "moved" })));
      expect(await db.current.db.select({ slotId: orderItems.slotId }).from(orderItems).where(eq(orderItems.orderId, order.id))).toEqual(old.map(() => ({ slotId: b.id })).slice(0, order === paid ? 1 : 2));
    }
    // The order with another slot keeps that ticket as it was.
    expect((await ticketsWithSlots(db.current.db, split.id)).filter((ticket) => ticket.slotId === c.id)).toEqual([expect.objectContaining({ status: "valid", voidReason: null })]);

    expect(await mailsOf(unpaid.id)).toEqual([{ kind: "slot_cancelled", subject: a.id }]);
    expect(await mailsOf(paid.id)).toEqual([{ kind: "slot_moved", subject: a.id }]);
    expect(await db.current.db.select().from(refunds).where(inArray(refunds.orderId, [paid.id, family.id, split.id]))).toEqual([]);

    const [entry, ...more] = await auditOf(db.current.db, a.id);
    expect(more).toEqual([]);
    expect(entry).toMatchObject({ action: "slot.cancel", actorId: (ctx.actor as { userId: string }).userId, before: { status: "open", held: 4, sold: 6 }, after: { status: "cancelled", cancelReason: "The projector is broken", moveTo: b.id, held: 0, sold: 0 } });
    expect((entry!.after as { orders: unknown[] }).orders).toHaveLength(4);
  });

  it("refunds an order that does not fit the target, all or nothing, and moves the ones that do", async () => {
    const ctx = await admin();
    // B has 4 places: the 3-ticket order (by id order, first or second) and the family's 2 adults cannot both go.
    const { a, b, paid, family, split } = await busyShow(4);
    const outcomes = await cancelSlot({ ctx, input: { slotId: a.id, reason: "Storm", moveTo: b.id } });
    const byOrder = Object.fromEntries(outcomes.map((outcome) => [outcome.id, outcome.outcome]));
    const movedPlaces = (byOrder[paid.id] === "moved" ? 3 : 0) + (byOrder[family.id] === "moved" ? 2 : 0) + (byOrder[split.id] === "moved" ? 1 : 0);
    expect(Object.values(byOrder).filter((outcome) => outcome === "refunded").length).toBeGreaterThan(0);
    expect(await slotCounts(db.current.db, b.id)).toMatchObject({ sold: movedPlaces });
    expect(movedPlaces).toBeLessThanOrEqual(4);
    for (const order of [paid, family, split]) {
      const tickets = await ticketsWithSlots(db.current.db, order.id);
      const onA = tickets.filter((ticket) => ticket.slotId === a.id);
      if (byOrder[order.id] === "refunded") expect(onA.every((ticket) => ticket.status === "void" && ticket.voidReason === "slot cancelled")).toBe(true);
      else expect(onA.every((ticket) => ticket.voidReason === "moved")).toBe(true);
    }
    await countsAgree();
  });

  it("without a target refunds: tickets void, places back, a refunds row of their prices and an outbox job; a partly refunded order stays paid", async () => {
    const ctx = await admin();
    const { a, c, paid, family, split } = await busyShow();
    const outcomes = await cancelSlot({ ctx, input: { slotId: a.id, reason: "Closed for repairs" } });
    expect(outcomes.filter((outcome) => outcome.outcome === "refunded").map((outcome) => outcome.id).sort()).toEqual([paid.id, family.id, split.id].sort());
    expect(await slotCounts(db.current.db, a.id)).toMatchObject({ held: 0, sold: 0 });
    expect(await slotCounts(db.current.db, c.id)).toMatchObject({ sold: 1 });

    const refundOf = async (orderId: string) => (await db.current.db.select().from(refunds).where(eq(refunds.orderId, orderId)))[0];
    expect(await refundOf(paid.id)).toMatchObject({ amountMinor: 75_000, currency: "INR", status: "pending", reason: "Slot cancelled: Closed for repairs", paymentId: expect.any(String), requestedBy: (ctx.actor as { userId: string }).userId });
    // The infant's ticket is free: the family gets back the two adults' prices.
    expect(await refundOf(family.id)).toMatchObject({ amountMinor: 50_000 });
    expect(await refundOf(split.id)).toMatchObject({ amountMinor: 25_000 });
    for (const order of [paid, family]) {
      expect(await orderStatus(db.current.db, order.id)).toBe("refunded");
      expect((await ticketsWithSlots(db.current.db, order.id)).every((ticket) => ticket.status === "void" && ticket.voidReason === "slot cancelled")).toBe(true);
    }
    expect(await orderStatus(db.current.db, split.id)).toBe("paid");
    const refund = (await refundOf(paid.id))!;
    expect(await db.current.db.select({ kind: outbox.kind, subject: outbox.subjectId }).from(outbox).where(and(eq(outbox.orderId, paid.id), eq(outbox.kind, "ticket_refund")))).toEqual([{ kind: "ticket_refund", subject: refund.id }]);
    expect(await mailsOf(paid.id)).toEqual([{ kind: "slot_refunded", subject: a.id }]);
    // Each refund is audited on its order, by whoever made it, whichever verb asked for it.
    expect(await auditOf(db.current.db, split.id)).toEqual([
      expect.objectContaining({ action: "order.refund", entityType: "order", actorId: (ctx.actor as { userId: string }).userId, before: { status: "paid" }, after: expect.objectContaining({ status: "paid", amountMinor: 25_000 }) }),
    ]);
    await countsAgree();
  });

  it("a payment arriving later for an order the cancel closed is refunded whole, never turned into tickets", async () => {
    const ctx = await admin();
    const { a, unpaid } = await busyShow();
    await cancelSlot({ ctx, input: { slotId: a.id, reason: "Storm" } });
    expect(await applyPaymentEvent({ ctx: visitors(), input: paidEvent(unpaid.id, { amountMinor: unpaid.total.amount }) })).toBe("order_closed");
    expect(await paymentsOf(db.current.db, unpaid.id)).toEqual([{ ref: "pay_1", status: "refunding", reason: "order_closed" }]);
    expect(await jobsOf(db.current.db, unpaid.id)).toEqual(expect.arrayContaining([{ kind: "refund", payment: "pay_1" }]));
    expect(await ticketsWithSlots(db.current.db, unpaid.id)).toEqual([]);
    await countsAgree();
  });

  it("refuses a target that is not another live slot of the same exhibition (422), a cancelled slot (422) and anyone but an admin", async () => {
    const ctx = await admin();
    const { show, a, b } = await busyShow();
    const other = await bookableShow(db.current.db, t0);
    const started = await createSlot(db.current.db, show.exhibition.id, { startsAt: new Date(t0.getTime() - 60_000) });
    for (const moveTo of [other.slot.id, started.id, a.id, "00000000-0000-4000-8000-000000000000"]) {
      expect(await refusal(cancelSlot({ ctx, input: { slotId: a.id, reason: "x", moveTo } }))).toMatchObject({ code: "slot_closed", fields: { moveTo: expect.any(String) } });
    }
    expect(await refusal(cancelSlot({ ctx, input: { slotId: a.id, reason: "   " } }))).toMatchObject({ code: "invalid_request" });
    expect(await refusal(cancelSlot({ ctx: staffCtx(db.current.db, clock, await staffMember(db.current.db, "staff")), input: { slotId: a.id, reason: "x" } }))).toMatchObject({ code: "forbidden" });
    expect(await slotCounts(db.current.db, a.id)).toMatchObject({ held: 4, sold: 6 });

    await cancelSlot({ ctx, input: { slotId: b.id, reason: "First" } });
    expect(await refusal(cancelSlot({ ctx, input: { slotId: b.id, reason: "Again" } }))).toMatchObject({ code: "slot_closed" });
    expect(await refusal(cancelSlot({ ctx, input: { slotId: a.id, reason: "x", moveTo: b.id } }))).toMatchObject({ code: "slot_closed", fields: { moveTo: "is cancelled too" } });
    expect(await refusal(cancelSlot({ ctx, input: { slotId: "00000000-0000-4000-8000-000000000000", reason: "x" } }))).toMatchObject({ code: "not_found" });
  });

  it("leaves tickets used at the door as they are: the rest of their line moves on a line of its own, and the counts follow", async () => {
    const ctx = await admin();
    const show = await bookableShow(db.current.db, t0, { slots: 2 });
    const [a, b] = show.slots as [typeof show.slot, typeof show.slot];
    const order = await placeOrder(visitors(), [{ slotId: a.id, ticketTypeId: show.adult.id, quantity: 3 }]);
    const [first] = await ticketsWithSlots(db.current.db, order.id);
    await db.current.db.update(tickets).set({ status: "used", checkedInAt: t0 }).where(eq(tickets.id, first!.id));
    expect((await listStaffSlots({ ctx, input: { from: "2026-11-22", to: "2026-11-22", exhibition: show.exhibition.slug } })).find((slot) => slot.id === a.id)).toMatchObject({ sold: 3, checkedIn: 1 });

    expect(await cancelSlot({ ctx, input: { slotId: a.id, reason: "Evacuated", moveTo: b.id } })).toEqual([{ id: order.id, number: order.number, outcome: "moved" }]);
    const now = await ticketsWithSlots(db.current.db, order.id);
    expect(now.filter((ticket) => ticket.status === "used")).toEqual([expect.objectContaining({ id: first!.id, slotId: a.id })]);
    expect(now.filter((ticket) => ticket.status === "valid").map((ticket) => ticket.slotId)).toEqual([b.id, b.id]);
    expect(now.filter((ticket) => ticket.status === "void").map((ticket) => [ticket.slotId, ticket.voidReason])).toEqual([[a.id, "moved"], [a.id, "moved"]]);
    expect((await db.current.db.select({ slotId: orderItems.slotId, quantity: orderItems.quantity }).from(orderItems).where(eq(orderItems.orderId, order.id))).sort((x, y) => x.quantity - y.quantity)).toEqual([{ slotId: a.id, quantity: 1 }, { slotId: b.id, quantity: 2 }]);
    expect(await slotCounts(db.current.db, a.id)).toMatchObject({ held: 0, sold: 1 });
    expect(await slotCounts(db.current.db, b.id)).toMatchObject({ held: 0, sold: 2 });
  });

  it("leaves a ticket refunded before on its line where it was: only the valid ones' line goes to the target", async () => {
    const ctx = await admin();
    const show = await bookableShow(db.current.db, t0, { slots: 2 });
    const [a, b] = show.slots as [typeof show.slot, typeof show.slot];
    const order = await placeOrder(visitors(), [{ slotId: a.id, ticketTypeId: show.adult.id, quantity: 3 }]);
    const [first] = await ticketsWithSlots(db.current.db, order.id);
    await db.current.db.update(tickets).set({ status: "void", voidReason: "refunded", voidedAt: t0 }).where(eq(tickets.id, first!.id));
    await db.current.db.update(timeSlots).set({ sold: 2 }).where(eq(timeSlots.id, a.id));

    expect(await cancelSlot({ ctx, input: { slotId: a.id, reason: "Evacuated", moveTo: b.id } })).toEqual([{ id: order.id, number: order.number, outcome: "moved" }]);
    const now = await ticketsWithSlots(db.current.db, order.id);
    expect(now.filter((ticket) => ticket.voidReason === "refunded")).toEqual([expect.objectContaining({ id: first!.id, slotId: a.id })]);
    expect(now.filter((ticket) => ticket.status === "valid").map((ticket) => ticket.slotId)).toEqual([b.id, b.id]);
    expect((await db.current.db.select({ slotId: orderItems.slotId, quantity: orderItems.quantity }).from(orderItems).where(eq(orderItems.orderId, order.id))).sort((x, y) => x.quantity - y.quantity)).toEqual([{ slotId: a.id, quantity: 1 }, { slotId: b.id, quantity: 2 }]);
    expect(await slotCounts(db.current.db, a.id)).toMatchObject({ sold: 0 });
    expect(await slotCounts(db.current.db, b.id)).toMatchObject({ sold: 2 });
  });

  it("two admins cancelling the same slot at once: one cancels, the other is told it is cancelled, and nothing is refunded twice", async () => {
    const [first, second] = [await admin(), await admin()];
    const { a, paid } = await busyShow();
    const answers = await Promise.all([first, second].map((ctx) => refusal(cancelSlot({ ctx, input: { slotId: a.id, reason: "Storm" } }))));
    expect(answers.filter((answer) => answer === "done")).toHaveLength(1);
    expect(answers.filter((answer) => answer !== "done")).toEqual([expect.objectContaining({ code: "slot_closed" })]);
    expect(await db.current.db.select().from(refunds).where(eq(refunds.orderId, paid.id))).toHaveLength(1);
    expect(await auditOf(db.current.db, a.id)).toHaveLength(1);
    await countsAgree();
  });
});
