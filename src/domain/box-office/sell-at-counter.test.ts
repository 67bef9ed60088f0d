import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { orders, payments, ticketTypes, timeSlots } from "@/db/schema";
import { addToCart } from "@/domain/cart/add-to-cart";
import { isDomainError } from "@/domain/errors";
import { bookableShow, guest, holdAccounts, minutes, slotCounts, t0, testCtx } from "../../../tests/support/cart-fixtures";
import { databaseForThisFile } from "../../../tests/support/database";
import { createSlot } from "../../../tests/support/factories";
import { jobsOf } from "../../../tests/support/order-fixtures";
import { auditOf, placeOrder } from "../../../tests/support/slot-fixtures";
import { staffCtx, staffMember } from "../../../tests/support/staff-fixtures";
import { emailSale } from "./email-sale";
import { sellAtCounter } from "./sell-at-counter";

const db = databaseForThisFile();
const clock = { now: t0 };
const seller = async (role: "staff" | "door" | "admin" = "staff") => staffCtx(db.current.db, clock, await staffMember(db.current.db, role));
const refusal = (promise: Promise<unknown>) => promise.then(() => "sold", (error: unknown) => (isDomainError(error) ? { code: error.code, ...error.details } : Promise.reject(error)));
const paymentsOf = (orderId: string) => db.current.db.select().from(payments).where(eq(payments.orderId, orderId));
const orderCount = async () => (await db.current.db.select({ id: orders.id }).from(orders)).length;

describe("selling at the box office", () => {
  it("sells a school group above the visitor limit as a paid order with its tickets, a cash payment, the seller, no mail without an address, audited", async () => {
    const ctx = await seller();
    const show = await bookableShow(db.current.db, t0, { capacity: 100 });
    const order = await sellAtCounter({ ctx, input: { items: [{ slotId: show.slot.id, ticketTypeId: show.adult.id, quantity: 60 }, { slotId: show.slot.id, ticketTypeId: show.infant.id, quantity: 2 }], payment: "cash" } });

    expect(order).toMatchObject({ status: "paid", name: "Walk-up", email: "", total: { amount: 60 * 25_000, currency: "INR" }, paidAt: t0.toISOString() });
    expect(order.tickets).toHaveLength(62);
    expect(order.tickets.every((ticket) => ticket.status === "valid")).toBe(true);
    expect(await slotCounts(db.current.db, show.slot.id)).toMatchObject({ held: 0, sold: 60 });
    const [head] = await db.current.db.select().from(orders).where(eq(orders.id, order.id));
    expect(head).toMatchObject({ channel: "box_office", soldBy: ctx.actor.kind === "user" ? ctx.actor.userId : "", provider: "cash" });
    expect(await paymentsOf(order.id)).toEqual([expect.objectContaining({ provider: "cash", status: "applied", amountMinor: 60 * 25_000, currency: "INR" })]);
    expect(await jobsOf(db.current.db, order.id)).toEqual([]);
    expect(await auditOf(db.current.db, order.id)).toEqual([expect.objectContaining({ action: "order.sale", entityType: "order", after: expect.objectContaining({ payment: "cash", totalMinor: 60 * 25_000 }) })]);
  });

  it("mails the confirmation through the outbox when given an address, and an invoice needs a name and an address", async () => {
    const ctx = await seller();
    const show = await bookableShow(db.current.db, t0);
    const item = { slotId: show.slot.id, ticketTypeId: show.adult.id, quantity: 3 };
    const invoiced = await sellAtCounter({ ctx, input: { items: [item], payment: "invoice", name: "St Mary's School", email: "Office@StMarys.example" } });
    expect(invoiced).toMatchObject({ name: "St Mary's School", email: "office@stmarys.example", status: "paid" });
    expect(await jobsOf(db.current.db, invoiced.id)).toEqual([expect.objectContaining({ kind: "confirmation" })]);
    expect(await paymentsOf(invoiced.id)).toEqual([expect.objectContaining({ provider: "invoice", status: "applied" })]);

    expect(await refusal(sellAtCounter({ ctx, input: { items: [item], payment: "invoice", name: "No address" } }))).toMatchObject({ code: "invalid_request", fields: { email: "is required for an invoice" } });
    expect(await refusal(sellAtCounter({ ctx, input: { items: [item], payment: "invoice", email: "a@b.example" } }))).toMatchObject({ code: "invalid_request", fields: { name: "is required for an invoice" } });
    expect(await refusal(sellAtCounter({ ctx, input: { items: [item], payment: "cheque" } }))).toMatchObject({ code: "invalid_request", fields: { payment: expect.any(String) } });
    expect(await refusal(sellAtCounter({ ctx, input: { items: [{ ...item, quantity: 501 }], payment: "cash" } }))).toMatchObject({ code: "invalid_request", fields: { items: expect.any(String) } });
    expect(await refusal(sellAtCounter({ ctx, input: { items: [{ ...item, quantity: 300 }, { ...item, quantity: 201 }], payment: "cash" } }))).toMatchObject({ code: "invalid_request", fields: { items: expect.stringContaining("500") } });
    expect(await slotCounts(db.current.db, show.slot.id)).toMatchObject({ sold: 3 });
  });

  it("is for staff: 401 for nobody, 403 for the door", async () => {
    const show = await bookableShow(db.current.db, t0);
    const input = { items: [{ slotId: show.slot.id, ticketTypeId: show.adult.id, quantity: 1 }], payment: "cash" };
    expect(await refusal(sellAtCounter({ ctx: testCtx(db.current.db, clock), input }))).toMatchObject({ code: "unauthenticated" });
    expect(await refusal(sellAtCounter({ ctx: await seller("door"), input }))).toMatchObject({ code: "forbidden" });
    expect(await refusal(sellAtCounter({ ctx: await seller("admin"), input }))).toBe("sold");
  });

  it("never sells past capacity: the line without room refuses the whole sale, naming its slot, and takes nothing anywhere", async () => {
    const ctx = await seller();
    const show = await bookableShow(db.current.db, t0, { capacity: 10, slots: 2 });
    const [roomy, tight] = show.slots as [typeof show.slot, typeof show.slot];
    await db.current.db.update(timeSlots).set({ capacity: 4 }).where(eq(timeSlots.id, tight.id));
    const before = await orderCount();
    const refused = await refusal(sellAtCounter({ ctx, input: { items: [{ slotId: roomy.id, ticketTypeId: show.adult.id, quantity: 5 }, { slotId: tight.id, ticketTypeId: show.adult.id, quantity: 5 }], payment: "card_terminal" } }));
    expect(refused).toMatchObject({ code: "insufficient_capacity", available: 4, slotId: tight.id, ticketTypeIds: [show.adult.id] });
    expect(await slotCounts(db.current.db, roomy.id)).toMatchObject({ held: 0, sold: 0 });
    expect(await slotCounts(db.current.db, tight.id)).toMatchObject({ held: 0, sold: 0 });
    expect(await orderCount()).toBe(before);

    // Two lines of one slot count together.
    expect(await refusal(sellAtCounter({ ctx, input: { items: [{ slotId: tight.id, ticketTypeId: show.adult.id, quantity: 3 }, { slotId: tight.id, ticketTypeId: show.adult.id, quantity: 2 }], payment: "cash" } }))).toMatchObject({ code: "insufficient_capacity", available: 4 });
    const full = await sellAtCounter({ ctx, input: { items: [{ slotId: tight.id, ticketTypeId: show.adult.id, quantity: 2 }, { slotId: tight.id, ticketTypeId: show.adult.id, quantity: 2 }], payment: "cash" } });
    expect(full.items).toEqual([expect.objectContaining({ quantity: 4 })]);
    expect(await refusal(sellAtCounter({ ctx, input: { items: [{ slotId: tight.id, ticketTypeId: show.adult.id, quantity: 1 }], payment: "cash" } }))).toMatchObject({ code: "sold_out", available: 0, slotId: tight.id });
    // A free ticket that takes no place still sells into a full slot.
    expect(await refusal(sellAtCounter({ ctx, input: { items: [{ slotId: tight.id, ticketTypeId: show.infant.id, quantity: 1 }], payment: "cash" } }))).toBe("sold");
  });

  it("gives back expired holds before refusing for lack of room", async () => {
    const ctx = await seller();
    const show = await bookableShow(db.current.db, t0, { capacity: 5 });
    await addToCart({ ctx: testCtx(db.current.db, clock), input: { owner: guest(), slotId: show.slot.id, ticketTypeId: show.adult.id, quantity: 5 } });
    clock.now = minutes(20);
    try {
      await sellAtCounter({ ctx, input: { items: [{ slotId: show.slot.id, ticketTypeId: show.adult.id, quantity: 5 }], payment: "cash" } });
    } finally {
      clock.now = t0;
    }
    expect(await slotCounts(db.current.db, show.slot.id)).toMatchObject({ held: 0, sold: 5 });
  });

  it("sells into a slot closed online or already started until it ends, never a cancelled or ended one, an unknown one, or a ticket type not on sale or of another show", async () => {
    const ctx = await seller();
    const show = await bookableShow(db.current.db, t0);
    const other = await bookableShow(db.current.db, t0);
    const sell = (slotId: string, ticketTypeId = show.adult.id) => refusal(sellAtCounter({ ctx, input: { items: [{ slotId, ticketTypeId, quantity: 1 }], payment: "cash" } }));
    const slot = (startsAt: Date, status: "open" | "closed" | "cancelled" = "open") => createSlot(db.current.db, show.exhibition.id, { startsAt, status });

    expect(await sell((await slot(minutes(60), "closed")).id)).toBe("sold");
    expect(await sell((await slot(minutes(-10))).id)).toBe("sold");
    expect(await sell((await slot(minutes(-30))).id)).toMatchObject({ code: "slot_closed" });
    expect(await sell((await slot(minutes(90), "cancelled")).id)).toMatchObject({ code: "slot_closed" });
    expect(await sell("00000000-0000-4000-8000-000000000000")).toMatchObject({ code: "not_found" });
    expect(await sell(show.slot.id, other.adult.id)).toMatchObject({ code: "ticket_type_unavailable", ticketTypeId: other.adult.id });
    expect(await sell(show.slot.id, "00000000-0000-4000-8000-000000000000")).toMatchObject({ code: "ticket_type_unavailable" });
    await db.current.db.update(ticketTypes).set({ active: false }).where(eq(ticketTypes.id, show.adult.id));
    expect(await sell(show.slot.id)).toMatchObject({ code: "ticket_type_unavailable" });
    expect(await slotCounts(db.current.db, show.slot.id)).toMatchObject({ sold: 0 });
  });

  it("refuses with 422 slot_closed, not as sold out, a sale whose slot was cancelled while it waited for the slot", async () => {
    const ctx = await seller();
    const show = await bookableShow(db.current.db, t0, { capacity: 20 });
    const holder = await db.current.pool.connect();
    await holder.query("BEGIN");
    await holder.query("SELECT id FROM time_slots WHERE id = $1 FOR NO KEY UPDATE", [show.slot.id]);
    const sale = refusal(sellAtCounter({ ctx, input: { items: [{ slotId: show.slot.id, ticketTypeId: show.adult.id, quantity: 2 }], payment: "cash" } }));
    for (;;) {
      // Asked outside the holder's transaction, whose view of pg_stat_activity would stay as it first read it.
      const { rows } = await db.current.pool.query("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'");
      if (rows[0].n >= 1) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await holder.query("UPDATE time_slots SET status = 'cancelled' WHERE id = $1", [show.slot.id]);
    await holder.query("COMMIT");
    holder.release();
    expect(await sale).toMatchObject({ code: "slot_closed", slotId: show.slot.id });
    expect(await slotCounts(db.current.db, show.slot.id)).toMatchObject({ sold: 0 });
  });

  it("racing visitors' adds on real concurrent connections, never oversells: every place is held or sold once", async () => {
    const show = await bookableShow(db.current.db, t0, { capacity: 30 });
    const sellers = await Promise.all(Array.from({ length: 4 }, () => seller()));
    const visitors = testCtx(db.current.db, clock);
    const attempts = [
      ...sellers.flatMap((ctx) => [6, 4].map((quantity) => refusal(sellAtCounter({ ctx, input: { items: [{ slotId: show.slot.id, ticketTypeId: show.adult.id, quantity }], payment: "cash" } })).then((outcome) => ({ who: "counter", quantity, outcome })))),
      ...Array.from({ length: 12 }, () => refusal(addToCart({ ctx: visitors, input: { owner: guest(), slotId: show.slot.id, ticketTypeId: show.adult.id, quantity: 2 } })).then((outcome) => ({ who: "visitor", quantity: 2, outcome }))),
    ];
    const outcomes = await Promise.all(attempts);
    const won = (who: string) => outcomes.filter((attempt) => attempt.who === who && attempt.outcome === "sold").reduce((sum, attempt) => sum + attempt.quantity, 0);
    for (const attempt of outcomes) if (attempt.outcome !== "sold") expect(attempt.outcome).toMatchObject({ code: expect.stringMatching(/^(sold_out|insufficient_capacity)$/) });
    const counts = await slotCounts(db.current.db, show.slot.id);
    expect(counts).toMatchObject({ sold: won("counter"), held: won("visitor") });
    expect(counts.held + counts.sold).toBeLessThanOrEqual(30);
    // 56 places were asked for 30: the slot ends full unless a 6 or 4 lost with fewer places left than that.
    expect(counts.held + counts.sold).toBeGreaterThan(30 - 6);
    for (const row of await holdAccounts(db.current.db)) expect(row.held).toBe(row.live);
  });

  it("e-mails a walk-up's tickets once they give an address after paying, only for a paid counter sale without one", async () => {
    const ctx = await seller();
    const show = await bookableShow(db.current.db, t0);
    const order = await sellAtCounter({ ctx, input: { items: [{ slotId: show.slot.id, ticketTypeId: show.adult.id, quantity: 1 }], payment: "card_terminal" } });
    expect(await jobsOf(db.current.db, order.id)).toEqual([]);
    const emailed = await emailSale({ ctx, input: { orderId: order.id, body: { email: " Walk.Up@Example.org " } } });
    expect(emailed.email).toBe("walk.up@example.org");
    expect(await jobsOf(db.current.db, order.id)).toEqual([expect.objectContaining({ kind: "confirmation" })]);
    expect(await auditOf(db.current.db, order.id)).toEqual([expect.objectContaining({ action: "order.sale" }), expect.objectContaining({ action: "order.email", after: { email: "walk.up@example.org" } })]);

    expect(await refusal(emailSale({ ctx, input: { orderId: order.id, body: { email: "other@example.org" } } }))).toMatchObject({ code: "invalid_request" });
    expect(await refusal(emailSale({ ctx, input: { orderId: order.id, body: { email: "nope" } } }))).toMatchObject({ code: "invalid_request", fields: { email: expect.any(String) } });
    const online = await placeOrder(testCtx(db.current.db, clock), [{ slotId: show.slot.id, ticketTypeId: show.adult.id, quantity: 1 }]);
    expect(await refusal(emailSale({ ctx, input: { orderId: online.id, body: { email: "a@example.org" } } }))).toMatchObject({ code: "not_found" });
    expect(await refusal(emailSale({ ctx: await seller("door"), input: { orderId: order.id, body: { email: "a@example.org" } } }))).toMatchObject({ code: "forbidden" });
  });
});
