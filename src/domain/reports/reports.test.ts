import { eq, inArray, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { funnelEvents, tickets } from "@/db/schema";
import { releaseAllExpiredHolds } from "@/domain/availability/release-expired-holds";
import { addToCart } from "@/domain/cart/add-to-cart";
import { mergeOnSignIn } from "@/domain/cart/sign-in-merge";
import { isDomainError } from "@/domain/errors";
import type { FunnelEvent } from "@/domain/funnel/events";
import { recordPaymentStarted } from "@/domain/funnel/payment-started";
import { pruneFunnelEvents } from "@/domain/funnel/prune-funnel";
import { sellAtCounter } from "@/domain/box-office/sell-at-counter";
import { moveOrder } from "@/domain/desk/move-order";
import { refundTickets } from "@/domain/refunds/refund-tickets";
import { cancelSlot } from "@/domain/slots/cancel-slot";
import { bookableShow, guest, minutes, t0, testCtx } from "../../../tests/support/cart-fixtures";
import { databaseForThisFile } from "../../../tests/support/database";
import { placeOrder, ticketsWithSlots } from "../../../tests/support/slot-fixtures";
import { staffCtx, staffMember } from "../../../tests/support/staff-fixtures";
import { funnelReport } from "./funnel-report";
import { occupancyReport } from "./occupancy-report";
import { salesReport } from "./sales-report";

const db = databaseForThisFile();
const clock = { now: t0 };
const observed: FunnelEvent[] = [];
const visitors = () => ({ ...testCtx(db.current.db, clock), funnel: (events: readonly FunnelEvent[]) => void observed.push(...events) });
const at = (instant: Date) => (clock.now = instant);
const inr = (amount: number) => ({ amount, currency: "INR" });
const refusal = (promise: Promise<unknown>) => promise.then(() => "done", (error: unknown) => (isDomainError(error) ? error.code : Promise.reject(error)));

/**
 * A known museum day and the next (t0 is 10:30 at the venue on 2026-11-21; the slots are on the
 * 22nd at 10:30 and 11:00): three paid orders and an unpaid one, a ticket refunded, one checked
 * in, two refused adds, a hold that expired, and two visitors who signed in and then added.
 */
async function knownSales() {
  const show = await bookableShow(db.current.db, t0, { capacity: 20, slots: 2 });
  const [first, second] = show.slots as [typeof show.slot, typeof show.slot];
  const adults = (slotId: string, quantity: number) => ({ slotId, ticketTypeId: show.adult.id, quantity });
  at(t0);
  const a = await placeOrder(visitors(), [adults(first.id, 3)]);
  const b = await placeOrder(visitors(), [adults(second.id, 2), { slotId: second.id, ticketTypeId: show.infant.id, quantity: 1 }]);
  await placeOrder(visitors(), [adults(second.id, 1)], { pay: false });
  expect(await refusal(addToCart({ ctx: visitors(), input: { owner: guest(), ...adults(first.id, 11) } }))).toBe("limit_exceeded");
  expect(await refusal(addToCart({ ctx: visitors(), input: { owner: guest(), slotId: first.id, ticketTypeId: "00000000-0000-4000-8000-000000000000", quantity: 1 } }))).toBe("not_found");
  await addToCart({ ctx: visitors(), input: { owner: guest(), ...adults(first.id, 1) } });
  await recordPaymentStarted({ ctx: visitors(), input: { orderId: a.id } });
  await recordPaymentStarted({ ctx: visitors(), input: { orderId: a.id } });
  await recordPaymentStarted({ ctx: visitors(), input: { orderId: b.id } });

  at(minutes(20));
  await releaseAllExpiredHolds(db.current.db, clock.now);
  at(minutes(60));
  const staff = staffCtx(db.current.db, clock, await staffMember(db.current.db, "staff"));
  const [refunded, admitted] = await ticketsWithSlots(db.current.db, a.id);
  await refundTickets({ ctx: staff, input: { orderId: a.id, ticketIds: [refunded!.id], reason: "Changed plans", voidReason: "refunded" } });

  for (const [signIn, wait] of [[70, 90_000], [80, 30_000]] as const) {
    const user = await staffMember(db.current.db, "door");
    at(minutes(signIn));
    await mergeOnSignIn({ ctx: visitors(), input: { userId: user.userId } });
    at(new Date(minutes(signIn).getTime() + wait));
    await addToCart({ ctx: visitors(), input: { owner: { kind: "user", userId: user.userId }, ...adults(first.id, 1) } });
    at(new Date(minutes(signIn).getTime() + wait + 60_000));
    await addToCart({ ctx: visitors(), input: { owner: { kind: "user", userId: user.userId }, ...adults(first.id, 1) } });
  }

  at(new Date(t0.getTime() + 22 * 3_600_000));
  await placeOrder(visitors(), [adults(second.id, 1)]);
  await db.current.db.update(tickets).set({ checkedInAt: new Date(first.startsAt.getTime() + 60_000) }).where(eq(tickets.id, admitted!.id));
  return { staff, show, first, second };
}

describe("reports, checked against the orders that made them", () => {
  it("sales by day, ticket type, exhibition and provider; occupancy and no-shows; the funnel from the verbs' events", async () => {
    observed.length = 0;
    const { staff, show, first, second } = await knownSales();
    const range = { from: "2026-11-21", to: "2026-11-22" };

    const byDay = await salesReport({ ctx: staff, input: { ...range, by: "day" } });
    expect(byDay.rows).toEqual([
      { key: "2026-11-21", label: "2026-11-21", ticketsSold: 6, gross: inr(125_000), ticketsRefunded: 1, refunded: inr(25_000), net: inr(100_000) },
      { key: "2026-11-22", label: "2026-11-22", ticketsSold: 1, gross: inr(25_000), ticketsRefunded: 0, refunded: inr(0), net: inr(25_000) },
    ]);
    expect(byDay.total).toEqual({ ticketsSold: 7, gross: inr(150_000), ticketsRefunded: 1, refunded: inr(25_000), net: inr(125_000) });
    expect((await salesReport({ ctx: staff, input: { ...range, by: "ticketType" } })).rows).toEqual([
      { key: "Adult", label: "Adult", ticketsSold: 6, gross: inr(150_000), ticketsRefunded: 1, refunded: inr(25_000), net: inr(125_000) },
      { key: "Under 3", label: "Under 3", ticketsSold: 1, gross: inr(0), ticketsRefunded: 0, refunded: inr(0), net: inr(0) },
    ]);
    expect((await salesReport({ ctx: staff, input: { ...range, by: "exhibition" } })).rows).toEqual([
      { key: show.exhibition.slug, label: show.exhibition.title, ticketsSold: 7, gross: inr(150_000), ticketsRefunded: 1, refunded: inr(25_000), net: inr(125_000) },
    ]);
    expect((await salesReport({ ctx: staff, input: { ...range, by: "provider" } })).rows.map((row) => [row.key, row.ticketsSold])).toEqual([["test", 7]]);
    // The day before sold nothing: its row is there, all zero.
    expect((await salesReport({ ctx: staff, input: { from: "2026-11-20", to: "2026-11-20", by: "day" } })).rows).toEqual([
      { key: "2026-11-20", label: "2026-11-20", ticketsSold: 0, gross: inr(0), ticketsRefunded: 0, refunded: inr(0), net: inr(0) },
    ]);

    const before = await occupancyReport({ ctx: staff, input: { from: "2026-11-22", to: "2026-11-22" } });
    expect(before.rows.map((row) => [row.slotId, row.date, row.time, row.capacity, row.sold, row.checkedIn, row.occupancy, row.noShows])).toEqual([
      [first.id, "2026-11-22", "10:30", 20, 2, 1, 0.1, null],
      [second.id, "2026-11-22", "11:00", 20, 3, 0, 0.15, null],
    ]);
    at(new Date(t0.getTime() + 3 * 86_400_000));
    const after = await occupancyReport({ ctx: staff, input: { from: "2026-11-22", to: "2026-11-22", exhibition: show.exhibition.slug } });
    expect(after.rows.map((row) => row.noShows)).toEqual([1, 3]);
    expect(after.noShows).toEqual({ ended: 2, sold: 5, checkedIn: 1, noShows: 4 });
    expect((await occupancyReport({ ctx: staff, input: { from: "2026-11-22", to: "2026-11-22", exhibition: "no-such-show" } })).rows).toEqual([]);

    const funnel = await funnelReport({ ctx: staff, input: range });
    expect(funnel).toEqual({
      ...range,
      // Four orders' carts, the guest whose hold expired, two signed-in visitors.
      cartsAdded: 7,
      addsSucceeded: 10,
      addsRefused: 2,
      refusedBy: { limit_exceeded: 1, not_found: 1 },
      cartAddSuccessRate: 0.833,
      holdsExpired: 1,
      checkouts: 4,
      paymentsStarted: 2,
      paid: 3,
      signIns: 2,
      signInToFirstCart: { count: 2, medianMs: 60_000, p95Ms: 87_000 },
    });
    // Prometheus heard of each event the database has.
    const kinds = (events: { kind: string }[]) => events.map((event) => event.kind).sort();
    const stored = await db.current.db.select({ kind: funnelEvents.kind }).from(funnelEvents);
    expect(kinds(observed)).toEqual(kinds(stored.filter((event) => event.kind !== "hold_expired")));
  });

  it("dates sales and refunds by the venue's day across its midnight (18:30 UTC); a move is no refund; counter sales and a cancelled slot's refunds count", async () => {
    const show = await bookableShow(db.current.db, t0, { capacity: 20, slots: 3 });
    const [one, two, three] = show.slots as [typeof show.slot, typeof show.slot, typeof show.slot];
    const adults = (slotId: string, quantity: number) => ({ slotId, ticketTypeId: show.adult.id, quantity });
    const admin = await staffMember(db.current.db, "admin");
    const staffAt = () => staffCtx(db.current.db, clock, admin);
    // This file's other tests sold on these days too: what this one adds is counted.
    const range = { from: "2026-11-20", to: "2026-11-22" };
    const figures = async (by: "day" | "provider") =>
      new Map((await salesReport({ ctx: staffAt(), input: { ...range, by } })).rows.map((row) => [row.key, [row.ticketsSold, row.gross.amount, row.ticketsRefunded, row.refunded.amount, row.net.amount]]));
    const before = { day: await figures("day"), provider: await figures("provider") };
    const added = async (by: "day" | "provider") => [...(await figures(by))].map(([key, values]) => [key, ...values.map((value, i) => value - (before[by].get(key)?.[i] ?? 0))]);
    at(new Date("2026-11-20T18:29:59Z"));
    const a = await placeOrder(visitors(), [adults(one.id, 2)]);
    at(new Date("2026-11-20T18:30:00Z"));
    await sellAtCounter({ ctx: staffAt(), input: { items: [adults(one.id, 3)], payment: "cash" } });
    await sellAtCounter({ ctx: staffAt(), input: { items: [adults(two.id, 1)], payment: "card_terminal" } });
    at(new Date("2026-11-21T00:00:00Z"));
    await placeOrder(visitors(), [adults(three.id, 2)]);
    at(new Date("2026-11-21T01:00:00Z"));
    await moveOrder({ ctx: staffAt(), input: { orderId: a.id, toSlotId: two.id } });
    at(new Date("2026-11-21T18:31:00Z"));
    const [kept] = (await ticketsWithSlots(db.current.db, a.id)).filter((ticket) => ticket.status === "valid");
    await refundTickets({ ctx: staffAt(), input: { orderId: a.id, ticketIds: [kept!.id], reason: "Changed plans", voidReason: "refunded" } });
    await cancelSlot({ ctx: staffAt(), input: { slotId: three.id, reason: "Flooded gallery" } });

    expect(await added("day")).toEqual([
      ["2026-11-20", 2, 50_000, 0, 0, 50_000],
      ["2026-11-21", 6, 150_000, 0, 0, 150_000],
      ["2026-11-22", 0, 0, 3, 75_000, -75_000],
    ]);
    expect((await added("provider")).map(([key, sold, , refunded]) => [key, sold, refunded])).toEqual(expect.arrayContaining([["test", 4, 3], ["cash", 3, 0], ["card_terminal", 1, 0]]));
  });

  it("counts the no-shows of a slot in places: a child under 3 admitted does not stand for an adult who never came", async () => {
    const show = await bookableShow(db.current.db, t0, { capacity: 20 });
    at(t0);
    const order = await placeOrder(visitors(), [{ slotId: show.slot.id, ticketTypeId: show.adult.id, quantity: 2 }, { slotId: show.slot.id, ticketTypeId: show.infant.id, quantity: 1 }]);
    // One adult and the child come in; the other adult never does.
    const { rows } = await db.current.db.execute<{ id: string; consumes_capacity: boolean }>(sql`
      SELECT t.id, oi.consumes_capacity FROM tickets t JOIN order_items oi ON oi.id = t.order_item_id WHERE t.order_id = ${order.id} ORDER BY oi.consumes_capacity, t.id`);
    const [child, adult] = rows;
    await db.current.db.update(tickets).set({ status: "used", checkedInAt: show.slot.startsAt }).where(inArray(tickets.id, [child!.id, adult!.id]));
    at(new Date(t0.getTime() + 3 * 86_400_000));
    const staff = staffCtx(db.current.db, clock, await staffMember(db.current.db, "staff"));
    const report = await occupancyReport({ ctx: staff, input: { from: "2026-11-22", to: "2026-11-22", exhibition: show.exhibition.slug } });
    expect(report.rows.map((row) => [row.sold, row.noShows])).toEqual([[2, 1]]);
    expect(report.noShows).toEqual({ ended: 1, sold: 2, checkedIn: 1, noShows: 1 });
  });

  it("refuses a range that ends before it starts or is longer than 400 days (400), and only staff may read", async () => {
    const staff = staffCtx(db.current.db, clock, await staffMember(db.current.db, "staff"));
    const door = staffCtx(db.current.db, clock, await staffMember(db.current.db, "door"));
    expect(await refusal(salesReport({ ctx: staff, input: { from: "2026-11-22", to: "2026-11-21", by: "day" } }))).toBe("invalid_request");
    expect(await refusal(funnelReport({ ctx: staff, input: { from: "2025-01-01", to: "2026-02-05" } }))).toBe("invalid_request");
    expect((await funnelReport({ ctx: staff, input: { from: "2025-01-01", to: "2026-02-04" } })).from).toBe("2025-01-01");
    expect(await refusal(occupancyReport({ ctx: door, input: {} }))).toBe("forbidden");
  });

  it("keeps funnel events 400 days and deletes older ones", async () => {
    const ctx = testCtx(db.current.db, clock);
    const day = 86_400_000;
    await db.current.db.insert(funnelEvents).values([
      { kind: "sign_in", at: new Date(t0.getTime() - 401 * day), userId: "old" },
      { kind: "sign_in", at: new Date(t0.getTime() - 399 * day), userId: "kept" },
    ]);
    expect(await pruneFunnelEvents(ctx.db, t0, 1)).toBeGreaterThanOrEqual(1);
    const left = await db.current.db.select({ userId: funnelEvents.userId }).from(funnelEvents).where(eq(funnelEvents.kind, "sign_in"));
    expect(left.map((row) => row.userId)).toContain("kept");
    expect(left.map((row) => row.userId)).not.toContain("old");
  });
});
