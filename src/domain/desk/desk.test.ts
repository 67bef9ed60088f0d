import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, orders, outbox, refunds, tickets } from "@/db/schema";
import { addToCart } from "@/domain/cart/add-to-cart";
import { venueDateOf } from "@/domain/calendar/venue-time";
import { isDomainError } from "@/domain/errors";
import { bookableShow, guest, slotCounts, t0, testCtx } from "../../../tests/support/cart-fixtures";
import { databaseForThisFile } from "../../../tests/support/database";
import { createSlot } from "../../../tests/support/factories";
import { orderStatus, placeOrder, ticketsWithSlots } from "../../../tests/support/slot-fixtures";
import { doorTickets } from "../../../tests/support/door-fixtures";
import { staffCtx, staffMember } from "../../../tests/support/staff-fixtures";
import { checkIn } from "../checkin/check-in";
import { DESK_MOVE_MAIL, moveOrder } from "./move-order";
import { DESK_REFUND_MAIL, refundOrder } from "./refund-order";
import { CONFIRMATION_RESEND, resendConfirmation } from "./resend-confirmation";
import { searchOrders } from "./search-orders";
import { staffOrder } from "./staff-order-view";

const db = databaseForThisFile();
const clock = { now: t0 };
const desk = async () => staffCtx(db.current.db, clock, await staffMember(db.current.db, "staff"));
const visitors = () => testCtx(db.current.db, clock);
const refusal = (promise: Promise<unknown>) => promise.then(() => "done", (error: unknown) => (isDomainError(error) ? error.code : Promise.reject(error)));
const jobs = async (orderId: string, kind: string) => db.current.db.select().from(outbox).where(sql`${outbox.orderId} = ${orderId} AND ${outbox.kind} = ${kind}`);

describe("the service desk's order search", () => {
  it("finds an order by number, by a ticket code as typed, by part of a name or e-mail in any case, by visit day and status, a page at a time", async () => {
    const ctx = await desk();
    const show = await bookableShow(db.current.db, t0, { capacity: 50, slots: 2 });
    const later = await createSlot(db.current.db, show.exhibition.id, { startsAt: new Date(t0.getTime() + 5 * 86_400_000), capacity: 50 });
    const placed = [];
    for (let i = 0; i < 5; i++) placed.push(await placeOrder(visitors(), [{ slotId: (i === 4 ? later : show.slot).id, ticketTypeId: show.adult.id, quantity: 1 }]));
    const [first, , , , last] = placed as [(typeof placed)[0], ...(typeof placed)[0][]];
    await db.current.db.update(orders).set({ name: "Zoë Fernandes", email: "Zoe.F@Example.ORG" }).where(eq(orders.id, last!.id));
    const unpaid = await placeOrder(visitors(), [{ slotId: show.slot.id, ticketTypeId: show.adult.id, quantity: 1 }], { pay: false });
    const [ticket] = await ticketsWithSlots(db.current.db, first.id);
    const ids = async (input: Parameters<typeof searchOrders>[0]["input"]) => (await searchOrders({ ctx, input })).orders.map((order) => order.id);

    expect(await ids({ q: first.number })).toEqual([first.id]);
    expect(await ids({ q: `#${first.number}` })).toEqual([first.id]);
    expect(await ids({ q: ticket!.code.toLowerCase().replace(/-/g, " ").replace(/0/g, "o") })).toEqual([first.id]);
    expect(await ids({ q: "FERNAND" })).toEqual([last!.id]);
    expect(await ids({ q: "zoe.f@exa" })).toEqual([last!.id]);
    expect(await ids({ q: "ZOE.F@example.org" })).toEqual([last!.id]);
    expect(await ids({ q: "zoe.f@example.or" })).toEqual([last!.id]);
    expect(await ids({ q: "oe.f@example.org" })).toEqual([]);
    expect(await ids({ q: "no such person" })).toEqual([]);
    expect(await ids({ q: "50%" })).toEqual([]);
    expect(await ids({ date: venueDateOf(later.startsAt, "Asia/Kolkata") })).toEqual([last!.id]);
    expect(await ids({ status: "pending_payment" })).toEqual([unpaid.id]);

    const hit = (await searchOrders({ ctx, input: { q: first.number } })).orders[0]!;
    expect(hit).toMatchObject({ number: first.number, status: "paid", ticketCount: 1, visit: { startsAt: show.slot.startsAt.toISOString(), exhibition: { title: show.exhibition.title } } });

    // All six were made at the same instant: the cursor's tie-break by id still gives each exactly once.
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await searchOrders({ ctx, input: { limit: 4, cursor } });
      seen.push(...page.orders.map((order) => order.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen.sort()).toEqual([...placed.map((order) => order.id), unpaid.id].sort());

    for (const input of [{ q: "ab" }, { cursor: "bm9wZQ" }, { cursor: "!!" }]) expect(await refusal(searchOrders({ ctx, input }))).toBe("invalid_request");
    expect(await refusal(searchOrders({ ctx: visitors(), input: {} }))).toBe("unauthenticated");
  });

  it("refuses a q without a letter or digit, which pg_trgm has no trigram of and would answer by reading every order", async () => {
    const ctx = await desk();
    for (const q of ["%%%", "...", "@@@", "___", "- - -", "%_%_%_"]) expect(await refusal(searchOrders({ ctx, input: { q } })), q).toBe("invalid_request");
    for (const q of ["a.b", "50%", "zoë", "अनु"]) expect(await refusal(searchOrders({ ctx, input: { q } })), q).toBe("done");
  });

  it("is served by the indexes: the trigram ones for a name or e-mail, the number's and the codes' unique ones, (created_at, id) for paging", async () => {
    const plan = async (query: ReturnType<typeof sql>) =>
      db.current.db.transaction(async (tx) => {
        await tx.execute(sql`SET LOCAL enable_seqscan = off`);
        const { rows } = await tx.execute<{ "QUERY PLAN": string }>(sql`EXPLAIN ${query}`);
        return rows.map((row) => row["QUERY PLAN"]).join("\n");
      });
    expect(await plan(sql`SELECT id FROM orders o WHERE lower(o.name) LIKE '%fern%' OR lower(o.email) LIKE '%fern%'`)).toMatch(/orders_name_trgm[\s\S]*orders_email_trgm/);
    expect(await plan(sql`SELECT id FROM orders o WHERE o.number = '1042'`)).toMatch(/orders_number_unique/);
    expect(await plan(sql`SELECT id FROM orders o WHERE lower(o.email) LIKE 'asha@example.org%'`)).toMatch(/orders_email_prefix/);
    expect(await plan(sql`SELECT id FROM orders o WHERE o.id = (SELECT order_id FROM tickets WHERE code = 'ABCD-EFGH-JKMN-PQRS')`)).toMatch(/tickets_code_unique/);
    expect(await plan(sql`SELECT id FROM orders o ORDER BY created_at DESC, id DESC LIMIT 26`)).toMatch(/orders_created/);
  });
});

describe("a refund at the desk", () => {
  it("voids the named tickets, gives their places back, queues the money and the buyer's e-mail, audits it, and shows it on the order", async () => {
    const ctx = await desk();
    const show = await bookableShow(db.current.db, t0);
    const order = await placeOrder(visitors(), [{ slotId: show.slot.id, ticketTypeId: show.adult.id, quantity: 3 }]);
    const [one] = await ticketsWithSlots(db.current.db, order.id);

    const after = await refundOrder({ ctx, input: { orderId: order.id, ticketIds: [one!.id], reason: "  Cannot come  " } });
    expect(after.status).toBe("paid");
    expect(after.tickets.find((ticket) => ticket.id === one!.id)).toMatchObject({ status: "void", voidReason: "refunded" });
    expect(after.refunds).toEqual([expect.objectContaining({ amount: { amount: 25_000, currency: "INR" }, reason: "Cannot come", status: "pending", requestedBy: expect.stringContaining("staff-") })]);
    expect(after.audit.map((entry) => entry.action)).toContain("order.refund");
    expect(await slotCounts(db.current.db, show.slot.id)).toMatchObject({ sold: 2 });
    expect(await jobs(order.id, DESK_REFUND_MAIL)).toEqual([expect.objectContaining({ subjectId: one!.id })]);

    const rest = await refundOrder({ ctx, input: { orderId: order.id, reason: "The rest too" } });
    expect(rest.status).toBe("refunded");
    expect(rest.tickets.every((ticket) => ticket.status === "void")).toBe(true);
    expect(await jobs(order.id, DESK_REFUND_MAIL)).toHaveLength(2);
    expect(await refusal(refundOrder({ ctx, input: { orderId: order.id, reason: "Again" } }))).toBe("order_not_refundable");
  });

  it("refuses an unpaid order, a ticket already void or used, no reason, and an unknown order", async () => {
    const ctx = await desk();
    const show = await bookableShow(db.current.db, t0);
    const unpaid = await placeOrder(visitors(), [{ slotId: show.slot.id, ticketTypeId: show.adult.id, quantity: 1 }], { pay: false });
    expect(await refusal(refundOrder({ ctx, input: { orderId: unpaid.id, reason: "x" } }))).toBe("order_not_refundable");
    const paid = await placeOrder(visitors(), [{ slotId: show.slot.id, ticketTypeId: show.adult.id, quantity: 2 }]);
    const [used, other] = await ticketsWithSlots(db.current.db, paid.id);
    await db.current.db.update(tickets).set({ status: "used", checkedInAt: t0 }).where(eq(tickets.id, used!.id));
    expect(await refusal(refundOrder({ ctx, input: { orderId: paid.id, ticketIds: [used!.id, other!.id], reason: "x" } }))).toBe("ticket_void");
    expect(await refusal(refundOrder({ ctx, input: { orderId: paid.id, ticketIds: [other!.id], reason: "   " } }))).toBe("invalid_request");
    expect(await refusal(refundOrder({ ctx, input: { orderId: paid.id, ticketIds: [unpaid.id], reason: "x" } }))).toBe("invalid_request");
    for (const orderId of ["00000000-0000-4000-8000-000000000000", "1042"]) expect(await refusal(refundOrder({ ctx, input: { orderId, reason: "x" } }))).toBe("not_found");
    expect(await refusal(staffOrder({ ctx, input: { orderId: "1042" } }))).toBe("not_found");
    expect(await orderStatus(db.current.db, paid.id)).toBe("paid");
  });

  it("refunds once when the same refund is asked twice at the same instant (a double click)", async () => {
    const ctx = await desk();
    const show = await bookableShow(db.current.db, t0);
    const order = await placeOrder(visitors(), [{ slotId: show.slot.id, ticketTypeId: show.adult.id, quantity: 2 }]);
    const [one] = await ticketsWithSlots(db.current.db, order.id);
    for (const ticketIds of [[one!.id], undefined]) {
      const answers = await Promise.all([0, 1].map(() => refusal(refundOrder({ ctx, input: { orderId: order.id, ticketIds, reason: "Double click" } }))));
      expect(answers.filter((answer) => answer === "done")).toHaveLength(1);
      expect(answers.filter((answer) => answer !== "done")[0]).toMatch(/^(ticket_void|order_not_refundable)$/);
    }
    const rows = await db.current.db.select().from(refunds).where(eq(refunds.orderId, order.id));
    expect(rows.map((row) => row.amountMinor)).toEqual([25_000, 25_000]);
    expect(await slotCounts(db.current.db, show.slot.id)).toMatchObject({ sold: 0 });
    expect(await db.current.db.select().from(auditLog).where(sql`${auditLog.entityId} = ${order.id} AND ${auditLog.action} = 'order.refund'`)).toHaveLength(2);
  });
  it("a desk refund racing the door's scan of the same ticket: it is admitted or refunded, never both, and money follows only a refund", async () => {
    for (let round = 0; round < 6; round++) {
      const { order, slot, tickets: [ticket] } = await doorTickets(db.current.db, 1);
      const now = { now: new Date() };
      const staff = staffCtx(db.current.db, now, await staffMember(db.current.db, "staff"));
      const door = staffCtx(db.current.db, now, await staffMember(db.current.db, "door"));
      const [refunded, scan] = await Promise.all([
        refusal(refundOrder({ ctx: staff, input: { orderId: order.id, ticketIds: [ticket!.id], reason: "Cannot come" } })),
        checkIn({ ctx: door, input: { code: ticket!.code } }),
      ]);
      const [after] = await db.current.db.select({ status: tickets.status }).from(tickets).where(eq(tickets.id, ticket!.id));
      const money = await db.current.db.select().from(refunds).where(eq(refunds.orderId, order.id));
      if (refunded === "done") {
        expect(scan.result).toBe("void");
        expect(after!.status).toBe("void");
        expect(money).toHaveLength(1);
        expect(await slotCounts(db.current.db, slot.id)).toMatchObject({ sold: 0 });
      } else {
        expect(refunded).toBe("ticket_void");
        expect(scan.result).toBe("admitted");
        expect(after!.status).toBe("used");
        expect(money).toHaveLength(0);
      }
    }
  });
});

describe("a move at the desk", () => {
  it("moves an order's tickets from two slots into a third at once: places leave both, the target takes them all, a refund of the new ones gives back their price", async () => {
    const ctx = await desk();
    const show = await bookableShow(db.current.db, t0, { capacity: 20, slots: 3 });
    const [a, b, c] = show.slots as [typeof show.slots[0], typeof show.slots[0], typeof show.slots[0]];
    const order = await placeOrder(visitors(), [{ slotId: a.id, ticketTypeId: show.adult.id, quantity: 2 }, { slotId: b.id, ticketTypeId: show.adult.id, quantity: 1 }]);
    const moved = await moveOrder({ ctx, input: { orderId: order.id, toSlotId: c.id } });
    const valid = moved.tickets.filter((ticket) => ticket.status === "valid");
    expect(valid.map((ticket) => ticket.slotId)).toEqual([c.id, c.id, c.id]);
    expect([await slotCounts(db.current.db, a.id), await slotCounts(db.current.db, b.id), await slotCounts(db.current.db, c.id)].map((counts) => counts.sold)).toEqual([0, 0, 3]);
    await refundOrder({ ctx, input: { orderId: order.id, reason: "Cannot come after all" } });
    const money = await db.current.db.select({ amountMinor: refunds.amountMinor }).from(refunds).where(eq(refunds.orderId, order.id));
    expect(money).toEqual([{ amountMinor: 3 * 25_000 }]);
    expect(await slotCounts(db.current.db, c.id)).toMatchObject({ sold: 0 });
  });

  it("moves the named tickets to another slot of the exhibition with new codes, voids the old ones, mails and audits it", async () => {
    const ctx = await desk();
    const show = await bookableShow(db.current.db, t0, { capacity: 10, slots: 2 });
    const [from, to] = show.slots as [typeof show.slot, typeof show.slot];
    const order = await placeOrder(visitors(), [{ slotId: from.id, ticketTypeId: show.adult.id, quantity: 3 }]);
    const before = await ticketsWithSlots(db.current.db, order.id);

    const after = await moveOrder({ ctx, input: { orderId: order.id, ticketIds: [before[0]!.id, before[1]!.id], toSlotId: to.id } });
    const now = await ticketsWithSlots(db.current.db, order.id);
    expect(now.filter((ticket) => ticket.status === "void").map((ticket) => ticket.id).sort()).toEqual([before[0]!.id, before[1]!.id].sort());
    expect(now.filter((ticket) => ticket.status === "valid" && ticket.slotId === to.id)).toHaveLength(2);
    expect(now.filter((ticket) => ticket.status === "valid" && ticket.slotId === from.id).map((ticket) => ticket.id)).toEqual([before[2]!.id]);
    expect(await slotCounts(db.current.db, from.id)).toMatchObject({ sold: 1 });
    expect(await slotCounts(db.current.db, to.id)).toMatchObject({ sold: 2 });
    expect(after.audit.map((entry) => entry.action)).toContain("order.move");
    expect(await jobs(order.id, DESK_MOVE_MAIL)).toHaveLength(1);
    expect(await refusal(moveOrder({ ctx, input: { orderId: order.id, ticketIds: [before[0]!.id], toSlotId: from.id } }))).toBe("ticket_void");
  });

  it("gives back the target's expired holds rather than refusing the move for want of room (invariant 3)", async () => {
    const ctx = await desk();
    const show = await bookableShow(db.current.db, t0, { capacity: 10, slots: 2 });
    const [from, to] = show.slots as [typeof show.slot, typeof show.slot];
    const order = await placeOrder(visitors(), [{ slotId: from.id, ticketTypeId: show.adult.id, quantity: 3 }]);
    expect(await refusal(addToCart({ ctx: visitors(), input: { owner: guest(), slotId: to.id, ticketTypeId: show.adult.id, quantity: 10 } }))).toBe("done");
    clock.now = new Date(t0.getTime() + 20 * 60_000);
    try {
      expect(await refusal(moveOrder({ ctx, input: { orderId: order.id, toSlotId: to.id } }))).toBe("done");
    } finally {
      clock.now = t0;
    }
    expect(await slotCounts(db.current.db, to.id)).toMatchObject({ sold: 3, held: 0 });
    expect(await slotCounts(db.current.db, from.id)).toMatchObject({ sold: 0 });
  });

  it("refuses a slot of another exhibition, a started or cancelled one, and one without the room, changing nothing", async () => {
    const ctx = await desk();
    const show = await bookableShow(db.current.db, t0, { capacity: 10, slots: 2 });
    const [from, to] = show.slots as [typeof show.slot, typeof show.slot];
    const other = await bookableShow(db.current.db, t0);
    const started = await createSlot(db.current.db, show.exhibition.id, { startsAt: new Date(t0.getTime() - 60_000), capacity: 10 });
    const cancelled = await createSlot(db.current.db, show.exhibition.id, { startsAt: new Date(t0.getTime() + 3 * 86_400_000), capacity: 10, status: "cancelled" });
    const order = await placeOrder(visitors(), [{ slotId: from.id, ticketTypeId: show.adult.id, quantity: 3 }]);
    for (const slot of [other.slot, started, cancelled]) expect(await refusal(moveOrder({ ctx, input: { orderId: order.id, toSlotId: slot.id } }))).toBe("slot_closed");
    await placeOrder(visitors(), [{ slotId: to.id, ticketTypeId: show.adult.id, quantity: 8 }]);
    expect(await refusal(moveOrder({ ctx, input: { orderId: order.id, toSlotId: to.id } }))).toBe("insufficient_capacity");
    await placeOrder(visitors(), [{ slotId: to.id, ticketTypeId: show.adult.id, quantity: 2 }]);
    expect(await refusal(moveOrder({ ctx, input: { orderId: order.id, toSlotId: to.id } }))).toBe("sold_out");
    expect((await ticketsWithSlots(db.current.db, order.id)).every((ticket) => ticket.status === "valid" && ticket.slotId === from.id)).toBe(true);
    expect(await slotCounts(db.current.db, to.id)).toMatchObject({ sold: 10, held: 0 });
  });

  it.each([0, 5, 15])("racing 20 visitors adding to the target slot, never oversells it (move sent after %i adds)", async (head) => {
    const ctx = await desk();
    const show = await bookableShow(db.current.db, t0, { capacity: 12, slots: 2 });
    const [from, to] = show.slots as [typeof show.slot, typeof show.slot];
    const order = await placeOrder(visitors(), [{ slotId: from.id, ticketTypeId: show.adult.id, quantity: 4 }]);
    const add = () => refusal(addToCart({ ctx: visitors(), input: { owner: guest(), slotId: to.id, ticketTypeId: show.adult.id, quantity: 1 } }));
    const adds = Array.from({ length: head }, add);
    const move = refusal(moveOrder({ ctx, input: { orderId: order.id, toSlotId: to.id } }));
    adds.push(...Array.from({ length: 20 - head }, add));
    const [moved, added] = await Promise.all([move, Promise.all(adds)]);

    for (const code of added) expect(["done", "sold_out", "insufficient_capacity"]).toContain(code);
    expect(["done", "sold_out", "insufficient_capacity"]).toContain(moved);
    const target = await slotCounts(db.current.db, to.id);
    expect(target.held + target.sold).toBeLessThanOrEqual(12);
    expect(target.held).toBe(added.filter((code) => code === "done").length);
    expect(target.sold).toBe(moved === "done" ? 4 : 0);
    expect(await slotCounts(db.current.db, from.id)).toMatchObject({ sold: moved === "done" ? 0 : 4 });
  });
});

describe("resending the confirmation", () => {
  it("queues a job of its own each time, audited, and only for a paid order", async () => {
    const ctx = await desk();
    const show = await bookableShow(db.current.db, t0);
    const order = await placeOrder(visitors(), [{ slotId: show.slot.id, ticketTypeId: show.adult.id, quantity: 1 }]);
    await resendConfirmation({ ctx, input: { orderId: order.id } });
    await resendConfirmation({ ctx, input: { orderId: order.id } });
    expect(await jobs(order.id, CONFIRMATION_RESEND)).toHaveLength(2);
    expect((await staffOrder({ ctx, input: { orderId: order.id } })).audit.filter((entry) => entry.action === "order.resend")).toHaveLength(2);
    const unpaid = await placeOrder(visitors(), [{ slotId: show.slot.id, ticketTypeId: show.adult.id, quantity: 1 }], { pay: false });
    expect(await refusal(resendConfirmation({ ctx, input: { orderId: unpaid.id } }))).toBe("order_not_paid");
  });
});
