import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { refunds } from "@/db/schema";
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
