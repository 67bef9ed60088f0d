import { describe, expect, it } from "vitest";
import { databaseForThisFile } from "../../../tests/support/database";
import { bookableShow, guest, minutes, t0, testCtx } from "../../../tests/support/cart-fixtures";
import { staffCtx, staffMember } from "../../../tests/support/staff-fixtures";
import { addToCart } from "../cart/add-to-cart";
import { changeQuantity } from "../cart/change-quantity";
import type { CartOwner } from "../cart/cart-owner";
import { getCart } from "../cart/get-cart";
import { mergeCarts } from "../cart/merge-carts";
import { renewHolds } from "../cart/renew-holds";
import { checkout } from "../checkout/checkout";
import { loadOrder } from "../checkout/order-view";
import type { DomainError } from "../errors";
import { updateTicketType } from "./update-ticket-type";

// API.md: a new price applies to new holds only; held lines, orders and tickets keep theirs.
const db = databaseForThisFile();
const contact = { name: "Asha", email: "asha@example.org" };
const refusal = (promise: Promise<unknown>) => promise.then(() => expect.unreachable("was not refused"), (error: DomainError) => error);

async function world() {
  const clock = { now: t0 };
  const visitor = testCtx(db.current.db, clock);
  const admin = staffCtx(db.current.db, clock, await staffMember(db.current.db, "admin"));
  const show = await bookableShow(db.current.db, t0, { slots: 2 });
  const reprice = (amount: number) => updateTicketType({ ctx: admin, input: { id: show.adult.id, changes: { price: { amount, currency: "INR" } } } });
  const add = (owner: CartOwner, quantity: number, slotId = show.slot.id) => addToCart({ ctx: visitor, input: { owner, slotId, ticketTypeId: show.adult.id, quantity } });
  return { clock, visitor, admin, show, reprice, add };
}

describe("a new price", () => {
  it("leaves a held line, and the order made from it, at the price its hold was taken at; a new hold pays the new one", async () => {
    const { visitor, reprice, add } = await world();
    const early = guest();
    await add(early, 2);
    await reprice(40_000);

    expect((await getCart({ ctx: visitor, input: { owner: early } })).items[0]).toMatchObject({ unitPrice: { amount: 25_000 }, lineTotal: { amount: 50_000 } });
    const late = guest();
    expect((await add(late, 1)).items[0]).toMatchObject({ unitPrice: { amount: 40_000 } });

    const order = await checkout({ ctx: visitor, input: { owner: early, contact, provider: "test" } });
    expect(order.total.amount).toBe(50_000);
    expect(order.items[0]).toMatchObject({ unitPrice: { amount: 25_000 } });
    await reprice(55_000);
    expect((await loadOrder(db.current.db, order.id))!.total.amount).toBe(50_000);
  });

  it("is paid by a held line's added tickets at the line's price, and by a line held again after it ran out at today's", async () => {
    const { clock, visitor, reprice, add } = await world();
    const owner = guest();
    await add(owner, 1);
    await reprice(30_000);
    expect((await add(owner, 1)).items[0]).toMatchObject({ quantity: 2, unitPrice: { amount: 25_000 } });
    const item = (await getCart({ ctx: visitor, input: { owner } })).items[0]!;
    expect((await changeQuantity({ ctx: visitor, input: { owner, itemId: item.id, quantity: 3 } })).items[0]).toMatchObject({ unitPrice: { amount: 25_000 } });

    clock.now = minutes(20); // the hold ran out
    const expired = (await getCart({ ctx: visitor, input: { owner } })).items[0]!;
    expect(expired).toMatchObject({ status: "expired", unitPrice: { amount: 30_000 } }); // what holding it again costs
    expect((await add(owner, 1)).items[0]).toMatchObject({ status: "held", quantity: 4, unitPrice: { amount: 30_000 } });

    await reprice(31_000);
    clock.now = minutes(40);
    expect((await changeQuantity({ ctx: visitor, input: { owner, itemId: item.id, quantity: 2 } })).items[0]).toMatchObject({ status: "held", unitPrice: { amount: 31_000 } });

    await reprice(32_000);
    clock.now = minutes(60);
    expect((await renewHolds({ ctx: visitor, input: { owner } })).items[0]).toMatchObject({ status: "held", unitPrice: { amount: 32_000 } });
    const order = await checkout({ ctx: visitor, input: { owner, contact, provider: "test" } });
    expect(order.total.amount).toBe(64_000);
  });

  it("moves with a guest's held line into the user's cart at sign-in, and two held lines keep the first held's", async () => {
    const { clock, visitor, show, reprice, add } = await world();
    const into: CartOwner = { kind: "user", userId: (await staffMember(db.current.db, "door")).userId };
    const from = guest();
    await add(from, 2);
    await add(from, 1, show.slots[1]!.id);
    await reprice(35_000);
    clock.now = minutes(1);
    await add(into, 1, show.slots[1]!.id);

    const { cart } = await mergeCarts({ ctx: visitor, input: { from, into } });
    expect(cart.items.map((item) => [item.slotId, item.quantity, item.unitPrice.amount])).toEqual([
      [show.slot.id, 2, 25_000],
      [show.slots[1]!.id, 2, 25_000],
    ]);
  });
});

describe("a ticket type taken off sale", () => {
  it("can no longer be added, raised or held again; what is held can be lowered and bought", async () => {
    const { clock, visitor, admin, show, add } = await world();
    const holder = guest();
    await add(holder, 3);
    const lapsed = guest();
    await add(lapsed, 1);
    await updateTicketType({ ctx: admin, input: { id: show.adult.id, changes: { active: false } } });

    expect(await refusal(add(guest(), 1))).toMatchObject({ code: "ticket_type_unavailable" });
    expect(await refusal(add(holder, 1))).toMatchObject({ code: "ticket_type_unavailable" });
    const item = (await getCart({ ctx: visitor, input: { owner: holder } })).items[0]!;
    expect(await refusal(changeQuantity({ ctx: visitor, input: { owner: holder, itemId: item.id, quantity: 4 } }))).toMatchObject({ code: "ticket_type_unavailable" });
    expect((await changeQuantity({ ctx: visitor, input: { owner: holder, itemId: item.id, quantity: 2 } })).items[0]).toMatchObject({ quantity: 2, status: "held" });
    expect((await checkout({ ctx: visitor, input: { owner: holder, contact, provider: "test" } })).total.amount).toBe(50_000);

    clock.now = minutes(20);
    expect((await renewHolds({ ctx: visitor, input: { owner: lapsed } })).items[0]).toMatchObject({ status: "expired" });
    const lapsedItem = (await getCart({ ctx: visitor, input: { owner: lapsed } })).items[0]!;
    expect(await refusal(changeQuantity({ ctx: visitor, input: { owner: lapsed, itemId: lapsedItem.id, quantity: 1 } }))).toMatchObject({ code: "ticket_type_unavailable" });
  });
});
