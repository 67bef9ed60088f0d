import { describe, expect, it } from "vitest";
import { refundTickets } from "@/domain/refunds/refund-tickets";
import { bookableShow, t0, testCtx } from "../../../tests/support/cart-fixtures";
import { databaseForThisFile } from "../../../tests/support/database";
import { placeOrder } from "../../../tests/support/slot-fixtures";
import { staffCtx, staffMember } from "../../../tests/support/staff-fixtures";
import type { CounterPayment } from "./sale-input";
import { sellAtCounter } from "./sell-at-counter";
import { tillSummary } from "./till-summary";

const db = databaseForThisFile();
const inr = (amount: number) => ({ amount, currency: "INR" });

describe("the till summary", () => {
  it("adds up each seller's sales of the venue day per payment type, with what was refunded of them, and nobody else's or another day's", async () => {
    // t0 is 10:30 in Kolkata on 21 November; 18:45 UTC is already 00:15 on the 22nd there.
    const clock = { now: t0 };
    const asha = staffCtx(db.current.db, clock, await staffMember(db.current.db, "staff"));
    const ravi = staffCtx(db.current.db, clock, await staffMember(db.current.db, "staff"));
    const show = await bookableShow(db.current.db, t0, { capacity: 200 });
    const sell = (ctx: typeof asha, payment: CounterPayment, adults: number, infants = 0) =>
      sellAtCounter({
        ctx,
        input: {
          items: [{ slotId: show.slot.id, ticketTypeId: show.adult.id, quantity: adults }, ...(infants ? [{ slotId: show.slot.id, ticketTypeId: show.infant.id, quantity: infants }] : [])],
          payment,
          ...(payment === "invoice" ? { name: "Green Valley School", email: "office@greenvalley.example" } : {}),
        },
      });

    const cash = await sell(asha, "cash", 3);
    await sell(asha, "cash", 2, 1);
    await sell(asha, "card_terminal", 4);
    await sell(asha, "invoice", 40);
    await sell(ravi, "cash", 1);
    await placeOrder(testCtx(db.current.db, clock), [{ slotId: show.slot.id, ticketTypeId: show.adult.id, quantity: 2 }]);
    clock.now = new Date("2026-11-21T18:45:00Z");
    await sell(asha, "cash", 5);
    // A refund made after midnight still counts against the day of the sale it gives back.
    await refundTickets({ ctx: asha, input: { orderId: cash.id, ticketIds: [cash.tickets[0]!.id], reason: "wrong day", voidReason: "refunded" } });

    const mine = await tillSummary({ ctx: asha, input: { date: "2026-11-21", staff: "me" } });
    expect(mine).toEqual({
      date: "2026-11-21",
      staff: [
        {
          userId: asha.actor.kind === "user" ? asha.actor.userId : "",
          name: expect.any(String),
          email: expect.any(String),
          lines: [
            { payment: "cash", sales: 2, tickets: 6, total: inr(125_000), refunded: inr(25_000), net: inr(100_000) },
            { payment: "card_terminal", sales: 1, tickets: 4, total: inr(100_000), refunded: inr(0), net: inr(100_000) },
            { payment: "invoice", sales: 1, tickets: 40, total: inr(1_000_000), refunded: inr(0), net: inr(1_000_000) },
          ],
          total: inr(1_225_000),
          refunded: inr(25_000),
          net: inr(1_200_000),
        },
      ],
    });

    const everyone = await tillSummary({ ctx: ravi, input: { date: "2026-11-21", staff: "all" } });
    expect(everyone.staff.map((member) => member.lines.reduce((sum, line) => sum + line.sales, 0)).sort()).toEqual([1, 4]);
    const raviOnly = await tillSummary({ ctx: asha, input: { date: "2026-11-21", staff: ravi.actor.kind === "user" ? ravi.actor.userId : "" } });
    expect(raviOnly.staff).toEqual([expect.objectContaining({ lines: [{ payment: "cash", sales: 1, tickets: 1, total: inr(25_000), refunded: inr(0), net: inr(25_000) }] })]);
    const nextDay = await tillSummary({ ctx: asha, input: { date: "2026-11-22", staff: "me" } });
    expect(nextDay.staff).toEqual([expect.objectContaining({ total: inr(125_000), lines: [expect.objectContaining({ payment: "cash", sales: 1, tickets: 5 })] })]);
  });

  it("is for staff, not the door", async () => {
    const door = staffCtx(db.current.db, { now: t0 }, await staffMember(db.current.db, "door"));
    await expect(tillSummary({ ctx: door, input: { date: "2026-11-21", staff: "me" } })).rejects.toMatchObject({ code: "forbidden" });
  });
});
