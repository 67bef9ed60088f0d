import { describe, expect, it } from "vitest";
import { addToCart } from "@/domain/cart/add-to-cart";
import { isDomainError } from "@/domain/errors";
import { bookableShow, guest, holdAccounts, slotCounts, t0, testCtx } from "../../../tests/support/cart-fixtures";
import { databaseForThisFile } from "../../../tests/support/database";
import { auditOf, placeOrder, ticketsWithSlots } from "../../../tests/support/slot-fixtures";
import { staffCtx, staffMember } from "../../../tests/support/staff-fixtures";
import { cancelSlot } from "./cancel-slot";
import { updateSlot } from "./update-slot";

const db = databaseForThisFile();
const clock = { now: t0 };
const admin = async () => staffCtx(db.current.db, clock, await staffMember(db.current.db, "admin"));
const refusal = (promise: Promise<unknown>) => promise.then(() => "done", (error: unknown) => (isDomainError(error) ? { code: error.code, ...error.details } : Promise.reject(error)));

describe("changing a slot's capacity", () => {
  it("never goes under what is held and sold: 409 capacity_below_taken with `taken`, and the slot is unchanged", async () => {
    const ctx = await admin();
    const visitors = testCtx(db.current.db, clock);
    const { slot, adult } = await bookableShow(db.current.db, t0, { capacity: 20 });
    await addToCart({ ctx: visitors, input: { owner: guest(), slotId: slot.id, ticketTypeId: adult.id, quantity: 3 } });
    await placeOrder(visitors, [{ slotId: slot.id, ticketTypeId: adult.id, quantity: 2 }]);

    expect(await refusal(updateSlot({ ctx, input: { slotId: slot.id, capacity: 4 } }))).toEqual({ code: "capacity_below_taken", taken: 5 });
    expect(await slotCounts(db.current.db, slot.id)).toEqual({ held: 3, sold: 2, capacity: 20 });
    expect(await updateSlot({ ctx, input: { slotId: slot.id, capacity: 5 } })).toMatchObject({ id: slot.id, capacity: 5, held: 3, sold: 2, checkedIn: 0, status: "open" });
    expect(await refusal(addToCart({ ctx: visitors, input: { owner: guest(), slotId: slot.id, ticketTypeId: adult.id, quantity: 1 } }))).toMatchObject({ code: "sold_out" });
    expect(await auditOf(db.current.db, slot.id)).toEqual([expect.objectContaining({ action: "slot.update", entityType: "slot", before: { capacity: 20, status: "open" }, after: { capacity: 5, status: "open" } })]);
  });

  it("racing many visitors' adds on real connections never lets held + sold pass the capacity", async () => {
    const ctx = await admin();
    const visitors = testCtx(db.current.db, clock);
    const { slot, adult } = await bookableShow(db.current.db, t0, { capacity: 100 });
    let adding = true;
    const adds = Promise.all(
      Array.from({ length: 60 }, async (_, i) => {
        await new Promise((resolve) => setTimeout(resolve, i * 5));
        return refusal(addToCart({ ctx: visitors, input: { owner: guest(), slotId: slot.id, ticketTypeId: adult.id, quantity: 1 } }));
      }),
    ).finally(() => (adding = false));
    // The admin cuts to exactly what they last saw taken, again and again, while visitors keep adding.
    const cuts: unknown[] = [];
    while (adding) {
      const seen = await slotCounts(db.current.db, slot.id);
      cuts.push(await refusal(updateSlot({ ctx, input: { slotId: slot.id, capacity: seen.held + seen.sold } })));
      await updateSlot({ ctx, input: { slotId: slot.id, capacity: 100 } });
    }
    const added = await adds;
    // Every answer is a decision, never a violated CHECK: a read-then-write would hit the constraint as a 500.
    for (const answer of added) if (answer !== "done") expect(answer).toMatchObject({ code: expect.stringMatching(/^(sold_out|insufficient_capacity)$/) });
    for (const answer of cuts) if (answer !== "done") expect(answer).toMatchObject({ code: "capacity_below_taken", taken: expect.any(Number) });
    const counts = await slotCounts(db.current.db, slot.id);
    expect(counts.held + counts.sold).toBeLessThanOrEqual(counts.capacity);
    expect(counts.held).toBe(added.filter((answer) => answer === "done").length);
    expect((await holdAccounts(db.current.db)).find((row) => row.id === slot.id)).toMatchObject({ held: counts.held, live: counts.held });
  });

  it("accepts 0 and at most 100000, whole numbers only, and wants something to change", async () => {
    const ctx = await admin();
    const { slot } = await bookableShow(db.current.db, t0);
    expect(await updateSlot({ ctx, input: { slotId: slot.id, capacity: 0 } })).toMatchObject({ capacity: 0 });
    for (const capacity of [-1, 100_001, 2.5]) expect(await refusal(updateSlot({ ctx, input: { slotId: slot.id, capacity } }))).toMatchObject({ code: "invalid_request" });
    expect(await refusal(updateSlot({ ctx, input: { slotId: slot.id } }))).toMatchObject({ code: "invalid_request" });
  });
});

describe("closing and reopening a slot's sales", () => {
  it("refuses visitors' adds with slot_closed while closed, keeps sold tickets valid, and sells again once reopened", async () => {
    const ctx = await admin();
    const visitors = testCtx(db.current.db, clock);
    const { slot, adult } = await bookableShow(db.current.db, t0);
    const order = await placeOrder(visitors, [{ slotId: slot.id, ticketTypeId: adult.id, quantity: 2 }]);
    expect(await updateSlot({ ctx, input: { slotId: slot.id, status: "closed" } })).toMatchObject({ status: "closed", sold: 2 });
    expect(await refusal(addToCart({ ctx: visitors, input: { owner: guest(), slotId: slot.id, ticketTypeId: adult.id, quantity: 1 } }))).toMatchObject({ code: "slot_closed" });
    expect((await ticketsWithSlots(db.current.db, order.id)).map((ticket) => ticket.status)).toEqual(["valid", "valid"]);
    expect(await updateSlot({ ctx, input: { slotId: slot.id, status: "open" } })).toMatchObject({ status: "open" });
    expect(await refusal(addToCart({ ctx: visitors, input: { owner: guest(), slotId: slot.id, ticketTypeId: adult.id, quantity: 1 } }))).toBe("done");
    expect((await auditOf(db.current.db, slot.id)).map((entry) => [entry.before, entry.after])).toEqual([
      [{ capacity: 20, status: "open" }, { capacity: 20, status: "closed" }],
      [{ capacity: 20, status: "closed" }, { capacity: 20, status: "open" }],
    ]);
  });

  it("a cancelled slot can be neither reopened nor resized (422 slot_closed); an unknown one is 404", async () => {
    const ctx = await admin();
    const { slot } = await bookableShow(db.current.db, t0);
    await cancelSlot({ ctx, input: { slotId: slot.id, reason: "Gallery flooded" } });
    expect(await refusal(updateSlot({ ctx, input: { slotId: slot.id, status: "open" } }))).toMatchObject({ code: "slot_closed" });
    expect(await refusal(updateSlot({ ctx, input: { slotId: slot.id, capacity: 30 } }))).toMatchObject({ code: "slot_closed" });
    expect(await refusal(updateSlot({ ctx, input: { slotId: "00000000-0000-4000-8000-000000000000", capacity: 30 } }))).toMatchObject({ code: "not_found" });
  });

  it("is for admins: staff and door are 403, nobody is 401", async () => {
    const { slot } = await bookableShow(db.current.db, t0);
    for (const role of ["staff", "door"] as const) {
      const ctx = staffCtx(db.current.db, clock, await staffMember(db.current.db, role));
      expect(await refusal(updateSlot({ ctx, input: { slotId: slot.id, capacity: 1 } }))).toMatchObject({ code: "forbidden" });
    }
    expect(await refusal(updateSlot({ ctx: testCtx(db.current.db, clock), input: { slotId: slot.id, capacity: 1 } }))).toMatchObject({ code: "unauthenticated" });
  });
});
