import { setTimeout as sleep } from "node:timers/promises";
import { beforeAll, describe, expect, it } from "vitest";
import { addToCart } from "@/domain/cart/add-to-cart";
import { findCartId } from "@/domain/cart/cart-lock";
import { checkIn } from "@/domain/checkin/check-in";
import { databaseHandle } from "@/server/database";
import { Hub, readState, type ReadState } from "@/server/realtime/hub";
import { bookableShow, guest, slotCounts, testCtx } from "../support/cart-fixtures";
import { databaseForThisFile } from "../support/database";
import { placeOrder, ticketsWithSlots } from "../support/slot-fixtures";
import { staffCtx, staffMember } from "../support/staff-fixtures";

const db = databaseForThisFile();
beforeAll(() => {
  databaseHandle(db.current);
});

type Sent = { event: "availability" | "cart" | "slot"; data: any }; // eslint-disable-line @typescript-eslint/no-explicit-any

async function until(check: () => boolean, timeoutMs = 5_000) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("timed out");
    await sleep(10);
  }
}

describe("the live-update hub", () => {
  it("never sends a slot or a cart older than one it already sent, even when a read answers late", async () => {
    const { slot, adult } = await bookableShow(db.current.db, new Date(), { capacity: 20 });
    const ctx = testCtx(db.current.db, { now: new Date() });
    const owner = guest();
    const add = () => addToCart({ ctx, input: { owner, slotId: slot.id, ticketTypeId: adult.id, quantity: 1 } });
    await add();
    const cartId = await findCartId(db.current.db, owner);

    // Real reads; the second one's answer comes back late, as from a busy database, while newer changes arrive.
    let reads = 0;
    const slowSecondRead: ReadState = async (slotIds, cartIds, sheetSlotIds) => {
      const state = await readState(slotIds, cartIds, sheetSlotIds);
      if (reads++ === 1) await sleep(400);
      return state;
    };
    const hub = new Hub(slowSecondRead);
    const sent: Sent[] = [];
    await hub.subscribe({ send: (event, data) => sent.push({ event, data }), close: () => {} }, { slotIds: [slot.id], cartId });
    await until(() => sent.length === 2);

    await add();
    await sleep(100);
    for (let i = 0; i < 3; i++) await add();
    await until(() => reads >= 3);
    await sleep(500);
    await hub.stop();

    const available = sent.filter((event) => event.event === "availability").map((event) => event.data.available as number);
    const counts = sent.filter((event) => event.event === "cart").map((event) => event.data.cart.itemCount as number);
    expect(available).toEqual([...available].sort((a, b) => b - a));
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    expect(available.at(-1)).toBe(20 - (await slotCounts(db.current.db, slot.id)).held);
    expect(counts.at(-1)).toBe(5);
  });

  it("sends the door a slot's counts first and again on each check-in, without reading visitors' availability for it", async () => {
    const now = new Date();
    const { slot, adult } = await bookableShow(db.current.db, now, { capacity: 20 });
    const order = await placeOrder(testCtx(db.current.db, { now }), [{ slotId: slot.id, ticketTypeId: adult.id, quantity: 2 }]);
    const [first, second] = await ticketsWithSlots(db.current.db, order.id);
    const door = staffCtx(db.current.db, { now: slot.startsAt }, await staffMember(db.current.db, "door"));

    const reads: string[][] = [];
    const hub = new Hub(async (slotIds, cartIds, sheetSlotIds) => {
      reads.push(slotIds);
      return readState(slotIds, cartIds, sheetSlotIds);
    });
    const board: Sent[] = [];
    const visitor: Sent[] = [];
    await hub.subscribe({ send: (event, data) => board.push({ event, data }), close: () => {} }, { slotIds: [], cartId: undefined, sheetSlotIds: [slot.id] });
    await hub.subscribe({ send: (event, data) => visitor.push({ event, data }), close: () => {} }, { slotIds: [slot.id], cartId: undefined });
    await until(() => board.length === 1 && visitor.length === 1);
    expect(board[0]).toMatchObject({ event: "slot", data: { id: slot.id, capacity: 20, held: 0, sold: 2, checkedIn: 0, status: "open" } });
    const readsBefore = reads.length;

    expect(await checkIn({ ctx: door, input: { code: first!.code } })).toMatchObject({ result: "admitted" });
    await until(() => board.length === 2);
    expect(await checkIn({ ctx: door, input: { code: second!.code } })).toMatchObject({ result: "admitted" });
    await until(() => board.length === 3);
    await sleep(200);
    await hub.stop();

    expect(board.map((sent) => [sent.event, sent.data.checkedIn])).toEqual([["slot", 0], ["slot", 1], ["slot", 2]]);
    // A check-in changes what the door sees, not what visitors can book.
    expect(visitor).toHaveLength(1);
    expect(reads.slice(readsBefore).flat()).toEqual([]);
  });

  it("ends every stream when it stops, also one that watches nothing, so shutdown does not wait for it", async () => {
    const hub = new Hub();
    const closed: string[] = [];
    await hub.subscribe({ send: () => {}, close: () => closed.push("nothing") }, { slotIds: [], cartId: undefined });
    await hub.subscribe({ send: () => {}, close: () => closed.push("a slot") }, { slotIds: [crypto.randomUUID()], cartId: undefined });
    await hub.stop();
    expect(closed.sort()).toEqual(["a slot", "nothing"]);
  });
});
