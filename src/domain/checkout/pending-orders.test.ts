import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { orders } from "@/db/schema";
import { databaseForThisFile } from "../../../tests/support/database";
import { guest, minutes, t0 } from "../../../tests/support/cart-fixtures";
import { pendingOrder } from "../../../tests/support/order-fixtures";
import { staffMember } from "../../../tests/support/staff-fixtures";
import { mergeCarts } from "../cart/merge-carts";
import { pendingOrders } from "./pending-orders";

const db = databaseForThisFile();

describe("pendingOrders", () => {
  it("shows a guest the unpaid order checked out from their own cart, and nobody else", async () => {
    const clock = { now: t0 };
    const { ctx, owner, order } = await pendingOrder(db.current.db, clock);
    expect(await pendingOrders({ ctx, input: { owner } })).toEqual([{ id: order.id, number: order.number, provider: "test", total: order.total, expiresAt: order.expiresAt }]);
    expect(await pendingOrders({ ctx, input: { owner: guest() } })).toEqual([]);
    expect(await pendingOrders({ ctx, input: { owner: undefined } })).toEqual([]);
  });

  it("drops an order once its time to pay has run out or it is no longer waiting for payment", async () => {
    const clock = { now: t0 };
    const { ctx, owner, order } = await pendingOrder(db.current.db, clock);
    clock.now = minutes(16);
    expect(await pendingOrders({ ctx, input: { owner } })).toEqual([]);
    clock.now = t0;
    await db.current.db.update(orders).set({ status: "paid" }).where(eq(orders.id, order.id));
    expect(await pendingOrders({ ctx, input: { owner } })).toEqual([]);
  });

  it("keeps showing a guest's unpaid order once they sign in and their cart is merged into their account's", async () => {
    const clock = { now: t0 };
    const { ctx, owner, order } = await pendingOrder(db.current.db, clock);
    const account = { kind: "user" as const, userId: (await staffMember(db.current.db, "door")).userId };
    await mergeCarts({ ctx, input: { from: owner, into: account } });
    expect((await pendingOrders({ ctx, input: { owner: account } })).map((pending) => pending.id)).toEqual([order.id]);
  });
});
