import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { orders, refunds } from "@/db/schema";
import { sellAtCounter } from "@/domain/box-office/sell-at-counter";
import { addToCart } from "@/domain/cart/add-to-cart";
import { isDomainError } from "@/domain/errors";
import { bookableShow, guest, holdAccounts, slotCounts, t0, testCtx } from "../../../tests/support/cart-fixtures";
import { databaseForThisFile } from "../../../tests/support/database";
import { placeOrder, ticketsWithSlots } from "../../../tests/support/slot-fixtures";
import { staffCtx, staffMember } from "../../../tests/support/staff-fixtures";
import { cancelSlot } from "./cancel-slot";

const db = databaseForThisFile();
const clock = { now: t0 };
const answer = (promise: Promise<unknown>) => promise.then(() => "held", (error: unknown) => (isDomainError(error) ? error.code : Promise.reject(error)));

describe("a cancel with moves racing visitors' adds on the target slot", () => {
  it.each([0, 3, 12])("never oversells the target, and every paid ticket ends moved or refunded (cancel after %i adds were sent)", async (head) => {
    const visitors = testCtx(db.current.db, clock);
    const ctx = staffCtx(db.current.db, clock, await staffMember(db.current.db, "admin"));
    const { slots, adult } = await bookableShow(db.current.db, t0, { capacity: 20, slots: 2 });
    const [from, to] = slots as [typeof slots[0], typeof slots[0]];
    const paid = [];
    for (let i = 0; i < 5; i++) paid.push(await placeOrder(visitors, [{ slotId: from.id, ticketTypeId: adult.id, quantity: 2 }]));
    for (let i = 0; i < 3; i++) await addToCart({ ctx: visitors, input: { owner: guest(), slotId: to.id, ticketTypeId: adult.id, quantity: 2 } });

    // 20 visitors and the admin at once, each on a connection of its own.
    const add = () => answer(addToCart({ ctx: visitors, input: { owner: guest(), slotId: to.id, ticketTypeId: adult.id, quantity: 1 } }));
    const adds = Array.from({ length: head }, add);
    const cancel = cancelSlot({ ctx, input: { slotId: from.id, reason: "Power cut", moveTo: to.id } });
    adds.push(...Array.from({ length: 20 - head }, add));
    const [outcomes, added] = await Promise.all([cancel, Promise.all(adds)]);

    for (const code of added) expect(["held", "sold_out", "insufficient_capacity"]).toContain(code);
    const target = await slotCounts(db.current.db, to.id);
    expect(target.held + target.sold).toBeLessThanOrEqual(20);
    expect(target.held).toBe(6 + added.filter((code) => code === "held").length);

    expect(outcomes.map((outcome) => outcome.id).sort()).toEqual(paid.map((order) => order.id).sort());
    let moved = 0;
    for (const { id, outcome } of outcomes) {
      const tickets = await ticketsWithSlots(db.current.db, id);
      const [refund] = await db.current.db.select().from(refunds).where(eq(refunds.orderId, id));
      if (outcome === "moved") {
        moved++;
        expect(tickets.filter((ticket) => ticket.status === "valid").map((ticket) => ticket.slotId)).toEqual([to.id, to.id]);
        expect(refund).toBeUndefined();
      } else {
        expect(outcome).toBe("refunded");
        expect(tickets.map((ticket) => [ticket.status, ticket.voidReason])).toEqual([["void", "slot cancelled"], ["void", "slot cancelled"]]);
        expect(refund).toMatchObject({ amountMinor: 50_000 });
      }
    }
    expect(target.sold).toBe(2 * moved);
    expect(await slotCounts(db.current.db, from.id)).toMatchObject({ held: 0, sold: 0 });
    for (const row of await holdAccounts(db.current.db)) expect(row.held).toBe(row.live);
  });
});

describe("a cancel racing a counter sale on the slot", () => {
  it("refunds the sale that committed while the cancel waited for the slot: no paid ticket is left on a cancelled slot", async () => {
    const admin = staffCtx(db.current.db, clock, await staffMember(db.current.db, "admin"));
    const seller = staffCtx(db.current.db, clock, await staffMember(db.current.db, "staff"));
    const { slot, adult } = await bookableShow(db.current.db, t0, { capacity: 20 });
    const waiting = async (n: number) => {
      for (;;) {
        const { rows } = await db.current.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`);
        if (rows[0]!.n >= n) return;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };
    // Someone holds the slot: the sale queues for it first, the cancel (which finds no order on the slot yet) behind it.
    const holder = await db.current.pool.connect();
    await holder.query("BEGIN");
    await holder.query("SELECT id FROM time_slots WHERE id = $1 FOR NO KEY UPDATE", [slot.id]);
    const sale = sellAtCounter({ ctx: seller, input: { items: [{ slotId: slot.id, ticketTypeId: adult.id, quantity: 2 }], payment: "cash" } });
    await waiting(1);
    const cancel = cancelSlot({ ctx: admin, input: { slotId: slot.id, reason: "Burst pipe" } });
    await waiting(2);
    await holder.query("COMMIT");
    holder.release();

    const sold = await sale;
    const outcomes = await cancel;
    expect(outcomes).toEqual([expect.objectContaining({ id: sold.id, outcome: "refunded" })]);
    expect((await db.current.db.select({ status: orders.status }).from(orders).where(eq(orders.id, sold.id)))[0]!.status).toBe("refunded");
    expect(await db.current.db.select({ amountMinor: refunds.amountMinor }).from(refunds).where(eq(refunds.orderId, sold.id))).toEqual([{ amountMinor: 2 * adult.priceMinor }]);
    expect(await slotCounts(db.current.db, slot.id)).toMatchObject({ held: 0, sold: 0 });
  });
});
