import { and, eq, inArray, isNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { checkIns, tickets } from "@/db/schema";
import { isDomainError } from "@/domain/errors";
import { bookableShow, t0, testCtx } from "../../../tests/support/cart-fixtures";
import { databaseForThisFile } from "../../../tests/support/database";
import { auditOf, placeOrder, ticketsWithSlots } from "../../../tests/support/slot-fixtures";
import { staffCtx, staffMember } from "../../../tests/support/staff-fixtures";
import { refundTickets } from "../refunds/refund-tickets";
import { checkIn } from "./check-in";
import { offlineList } from "./offline-list";
import { syncScans } from "./sync-scans";
import { undoCheckIn } from "./undo-check-in";

const db = databaseForThisFile();
const DAY_MS = 86_400_000;
// bookableShow's slot starts a day after t0 and lasts 30 minutes; the door opens 30 minutes before it.
const clock = { now: new Date(t0.getTime() + DAY_MS) };
const at = (minutes: number) => new Date(t0.getTime() + DAY_MS + minutes * 60_000);
const door = async () => staffCtx(db.current.db, clock, await staffMember(db.current.db, "door"));
const scansOf = (ticketId: string) => db.current.db.select().from(checkIns).where(eq(checkIns.ticketId, ticketId));
const refusal = (promise: Promise<unknown>) => promise.then(() => "done", (error: unknown) => (isDomainError(error) ? error.code : Promise.reject(error)));

async function soldTickets(quantity = 2) {
  const show = await bookableShow(db.current.db, t0);
  const order = await placeOrder(testCtx(db.current.db, { now: t0 }), [{ slotId: show.slot.id, ticketTypeId: show.adult.id, quantity }]);
  return { show, order, tickets: await ticketsWithSlots(db.current.db, order.id) };
}

describe("checking in at the door", () => {
  it("admits a valid ticket once, by its code as typed, then says when and at which gate it went in", async () => {
    const { tickets: [ticket], order } = await soldTickets();
    const ctx = await door();
    const typed = ticket!.code.toLowerCase().replace(/-/g, " ").replace(/0/g, "o");
    const first = await checkIn({ ctx, input: { code: ticket!.code, gate: "North" } });
    expect(first).toMatchObject({ result: "admitted", ticket: { id: ticket!.id, status: "used" }, order: { number: order.number } });
    const again = await checkIn({ ctx, input: { code: typed.toUpperCase().replace(/ /g, "-"), gate: "South" } });
    expect(again).toMatchObject({ result: "already_checked_in", gate: "North", checkedInAt: clock.now.toISOString() });
  });

  it("refuses a ticket outside its entry window, a void ticket and an unknown code, and keeps every scan", async () => {
    const { tickets: [early, voided], order } = await soldTickets();
    const ctx = await door();
    const tooEarly = staffCtx(db.current.db, { now: at(-31) }, ctx.actor as never);
    expect(await checkIn({ ctx: tooEarly, input: { code: early!.code } })).toMatchObject({ result: "outside_window", window: { opensAt: at(-30).toISOString(), closesAt: at(60).toISOString() } });
    const tooLate = staffCtx(db.current.db, { now: at(61) }, ctx.actor as never);
    expect(await checkIn({ ctx: tooLate, input: { code: early!.code } })).toMatchObject({ result: "outside_window" });
    expect(await checkIn({ ctx: staffCtx(db.current.db, { now: at(-30) }, ctx.actor as never), input: { code: early!.code } })).toMatchObject({ result: "admitted" });

    const admin = staffCtx(db.current.db, clock, await staffMember(db.current.db, "admin"));
    await refundTickets({ ctx: admin, input: { orderId: order.id, ticketIds: [voided!.id], reason: "Changed plans", voidReason: "refunded" } });
    expect(await checkIn({ ctx, input: { code: voided!.code } })).toMatchObject({ result: "void" });
    expect(await checkIn({ ctx, input: { code: undefined, scanId: "unknown-scan-1" } })).toEqual({ result: "unknown" });
    expect(await checkIn({ ctx, input: { code: "0000-0000-0000-0000", scanId: "unknown-scan-2" } })).toEqual({ result: "unknown" });
    const kept = await db.current.db.select({ result: checkIns.result }).from(checkIns).where(inArray(checkIns.ticketId, [early!.id, voided!.id]));
    expect(kept.map((row) => row.result).sort()).toEqual(["admitted", "outside_window", "outside_window", "void"]);
    const unknown = await db.current.db.select({ result: checkIns.result }).from(checkIns).where(and(isNull(checkIns.ticketId), inArray(checkIns.scanId, ["unknown-scan-1", "unknown-scan-2"])));
    expect(unknown).toEqual([{ result: "unknown" }, { result: "unknown" }]);
  });

  it("admits exactly once when twenty scans of one ticket arrive at the same instant", async () => {
    const { tickets: [ticket] } = await soldTickets(1);
    const ctxs = await Promise.all(Array.from({ length: 20 }, door));
    const outcomes = await Promise.all(ctxs.map((ctx, i) => checkIn({ ctx, input: { code: ticket!.code, gate: `Gate ${i}` } })));
    expect(outcomes.filter((outcome) => outcome.result === "admitted")).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome.result === "already_checked_in")).toHaveLength(19);
    expect(await scansOf(ticket!.id)).toHaveLength(20);
  });

  it("answers a repeated scan id as the first time, also when both arrive together", async () => {
    const { tickets: [ticket] } = await soldTickets(1);
    const ctx = await door();
    const both = await Promise.all([1, 2, 3].map(() => checkIn({ ctx, input: { code: ticket!.code, scanId: "scan-0001-abc" } })));
    for (const outcome of both) expect(outcome).toMatchObject({ result: "admitted" });
    expect(await checkIn({ ctx, input: { code: ticket!.code, scanId: "scan-0001-abc" } })).toMatchObject({ result: "admitted" });
    expect(await checkIn({ ctx, input: { code: ticket!.code, scanId: "scan-0002-abc" } })).toMatchObject({ result: "already_checked_in" });
    expect(await scansOf(ticket!.id)).toHaveLength(2);
  });

  it("refuses a scan id already used for another ticket (409 idempotency_conflict), online and uploaded, and admits nothing with it", async () => {
    const { tickets: [first, second, third] } = await soldTickets(3);
    const ctx = await door();
    expect(await checkIn({ ctx, input: { code: first!.code, scanId: "reused-0001" } })).toMatchObject({ result: "admitted" });
    expect(await refusal(checkIn({ ctx, input: { code: second!.code, scanId: "reused-0001" } }))).toBe("idempotency_conflict");
    expect(await checkIn({ ctx, input: { code: undefined, scanId: "reused-0002" } })).toEqual({ result: "unknown" });
    expect(await refusal(checkIn({ ctx, input: { code: second!.code, scanId: "reused-0002" } }))).toBe("idempotency_conflict");
    // The same scan again, as typed, or a token that is not ours again, still answers as the first time.
    expect(await checkIn({ ctx, input: { code: first!.code.toLowerCase(), scanId: "reused-0001" } })).toMatchObject({ result: "admitted" });
    expect(await checkIn({ ctx, input: { code: "0000-0000-0000-0000", scanId: "reused-0002" } })).toEqual({ result: "unknown" });

    // A device that admitted the second ticket offline under the first's scan id must not be told it was recorded.
    const upload = syncScans({ ctx, input: { scans: [{ scanId: "reused-0003", code: third!.code, at: at(1) }, { scanId: "reused-0001", code: second!.code, at: at(2) }] } });
    await expect(upload).rejects.toMatchObject({ code: "idempotency_conflict", details: { fields: { "scans.1.scanId": expect.any(String) } } });
    const [stillValid] = await db.current.db.select({ status: tickets.status }).from(tickets).where(eq(tickets.id, second!.id));
    expect(stillValid!.status).toBe("valid");
    expect(await scansOf(second!.id)).toHaveLength(0);
    // Two scans of one batch with one id: the second names another ticket.
    const twice = syncScans({ ctx, input: { scans: [{ scanId: "reused-0004", code: second!.code, at: at(3) }, { scanId: "reused-0004", code: third!.code, at: at(4) }] } });
    await expect(twice).rejects.toMatchObject({ code: "idempotency_conflict", details: { fields: { "scans.1.scanId": expect.any(String) } } });
  });
});

describe("scans uploaded after the network came back", () => {
  it("applies each once, keeps the earlier admission, and reports a second admission as a conflict with both scans kept", async () => {
    const { tickets: [a, b, c] } = await soldTickets(3);
    const ctx = await door();
    await checkIn({ ctx, input: { code: b!.code, gate: "Online" } });
    const scans = [
      { scanId: "offline-a-1", code: a!.code, at: at(-5), gate: "Basement" },
      { scanId: "offline-b-1", code: b!.code, at: at(-10), gate: "Basement" },
      { scanId: "offline-c-1", code: c!.code, at: at(1), gate: "Basement" },
      { scanId: "offline-c-2", code: c!.code, at: at(2), gate: "Garden" },
      { scanId: "offline-x-1", code: undefined, at: at(3), gate: "Garden" },
    ];
    const results = await syncScans({ ctx, input: { scans } });
    expect(results).toEqual([
      { scanId: "offline-a-1", result: "admitted" },
      { scanId: "offline-b-1", result: "conflict" },
      { scanId: "offline-c-1", result: "admitted" },
      { scanId: "offline-c-2", result: "conflict" },
      { scanId: "offline-x-1", result: "unknown" },
    ]);
    expect(await syncScans({ ctx, input: { scans } })).toEqual(results);
    const [bNow] = await db.current.db.select().from(tickets).where(eq(tickets.id, b!.id));
    expect(bNow).toMatchObject({ checkedInAt: at(-10), checkedInGate: "Basement" });
    expect(await scansOf(c!.id)).toHaveLength(2);
  });
});

describe("undoing an admission", () => {
  it("is for staff, makes the ticket valid again, marks the scan undone and writes the audit log", async () => {
    const { tickets: [ticket], show } = await soldTickets(1);
    const ctx = await door();
    await checkIn({ ctx, input: { code: ticket!.code, gate: "North" } });
    expect(await refusal(undoCheckIn({ ctx, input: { ticketId: ticket!.id } }))).toBe("forbidden");
    const staff = staffCtx(db.current.db, { now: at(5) }, await staffMember(db.current.db, "staff"));
    expect(await undoCheckIn({ ctx: staff, input: { ticketId: ticket!.id } })).toEqual({ ticketId: ticket!.id, undone: true });
    expect(await undoCheckIn({ ctx: staff, input: { ticketId: ticket!.id } })).toEqual({ ticketId: ticket!.id, undone: false });
    expect(await auditOf(db.current.db, ticket!.id)).toHaveLength(1);
    const list = await offlineList({ ctx: staff, input: { date: clock.now.toISOString().slice(0, 10), since: at(4) } });
    expect(list.undone).toEqual([ticket!.id]);
    expect(list.admitted).not.toContain(ticket!.id);
    expect(list.slots.map((slot) => slot.id)).toContain(show.slot.id);
    expect(await checkIn({ ctx, input: { code: ticket!.code } })).toMatchObject({ result: "admitted" });
  });
});
