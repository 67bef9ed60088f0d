import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { timeSlots, users } from "@/db/schema";
import { refundTickets } from "@/domain/refunds/refund-tickets";
import { settings } from "../support/cart-fixtures";
import { expectApiError } from "../support/http-client";
import { productionServerForThisFile } from "../support/production-server";
import { signedInStaff } from "../support/staff-fixtures";
import { bookableSlot } from "./demo-museum";

const server = productionServerForThisFile();
const venueToday = () => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Kolkata" }).format(new Date());

const counts = async (slotId: string) => (await server.current.database.db.select({ held: timeSlots.held, sold: timeSlots.sold, capacity: timeSlots.capacity }).from(timeSlots).where(eq(timeSlots.id, slotId)))[0]!;

/** A demo slot tomorrow whose room is exactly `room` places from now on; `taken(n)` is its counts with n more sold. */
async function slotWithRoom(room: number) {
  const line = await bookableSlot(server.current.client());
  await server.current.database.db.update(timeSlots).set({ capacity: sql`held + sold + ${room}` }).where(eq(timeSlots.id, line.slotId));
  const start = await counts(line.slotId);
  return { ...line, taken: (sold: number) => ({ held: start.held, sold: start.sold + sold }) };
}
const sale = (line: { slotId: string; ticketTypeId: string }, quantity: number, payment = "cash", extra: Record<string, string> = {}) => ({ items: [{ slotId: line.slotId, ticketTypeId: line.ticketTypeId, quantity }], payment, ...extra });

describe("the box office on the shipped server", () => {
  it("is for staff: 401 without a session, 403 for a visitor or the door", async () => {
    const line = await slotWithRoom(5);
    const calls = [
      ["POST", "/api/staff/sales", sale(line, 1)],
      ["GET", "/api/staff/sales/summary"],
    ] as const;
    for (const [method, target, body] of calls) expectApiError(await server.current.client().send(method, target, { body }), 401, "unauthenticated");
    for (const role of ["visitor", "door"] as const) {
      const client = await signedInStaff(server.current, role);
      for (const [method, target, body] of calls) expectApiError(await client.send(method, target, { body }), 403, "forbidden");
    }
    expect(await counts(line.slotId)).toMatchObject(line.taken(0));
  });

  it("sells a group above the visitor limit as a paid order with QR tickets whose PDF staff can open and a visitor cannot", async () => {
    const staff = await signedInStaff(server.current, "staff");
    const line = await slotWithRoom(80);
    const sold = await staff.post("/api/staff/sales", sale(line, 60, "invoice", { name: "Green Valley School", email: "office@greenvalley.example" }));
    expect(sold.status, sold.text).toBe(201);
    const { order, ticketsUrl } = sold.body;
    expect(order).toMatchObject({ status: "paid", name: "Green Valley School", total: { amount: 60 * line.price, currency: "INR" } });
    expect(order.tickets).toHaveLength(60);
    expect(order.tickets[0]).toMatchObject({ status: "valid", code: expect.any(String), qrUrl: expect.stringMatching(/^data:image\/svg\+xml;base64,/) });
    expect(await counts(line.slotId)).toMatchObject(line.taken(60));

    const pdf = await staff.get(ticketsUrl);
    expect(pdf.status).toBe(200);
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    expect(pdf.text.startsWith("%PDF")).toBe(true);
    expect((await staff.get(`/api/orders/${order.id}`)).body.order.number).toBe(order.number);
    for (const outsider of [server.current.client(), await signedInStaff(server.current, "visitor"), await signedInStaff(server.current, "door")]) {
      expectApiError(await outsider.get(ticketsUrl), 404, "not_found");
      expectApiError(await outsider.get(`/api/orders/${order.id}`), 404, "not_found");
    }
  });

  it("e-mails a walk-up's tickets to an address given after the sale, once", async () => {
    const staff = await signedInStaff(server.current, "staff");
    const line = await slotWithRoom(5);
    const { order } = (await staff.post("/api/staff/sales", sale(line, 1, "card_terminal"))).body;
    expect(order).toMatchObject({ name: "Walk-up", email: "" });
    const page = await staff.get(`/orders/${order.id}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain("Show each QR code at the door");
    expect(page.text).not.toContain("Sent to");
    expectApiError(await (await signedInStaff(server.current, "door")).post(`/api/staff/sales/${order.id}/email`, { email: "a@example.org" }), 403, "forbidden");
    const emailed = await staff.post(`/api/staff/sales/${order.id}/email`, { email: "walk-up@example.org" });
    expect(emailed.status, emailed.text).toBe(200);
    expect(emailed.body.order.email).toBe("walk-up@example.org");
    expectApiError(await staff.post(`/api/staff/sales/${order.id}/email`, { email: "other@example.org" }), 400, "invalid_request");
    expectApiError(await staff.post("/api/staff/sales/not-a-sale/email", { email: "other@example.org" }), 404, "not_found");
  });

  it("refuses what it cannot sell with API.md's codes, taking nothing", async () => {
    const staff = await signedInStaff(server.current, "staff");
    const line = await slotWithRoom(4);
    const other = (await server.current.database.db.execute<{ id: string }>(sql`
      SELECT t.id FROM ticket_types t JOIN time_slots s ON s.exhibition_id <> t.exhibition_id WHERE s.id = ${line.slotId} LIMIT 1`)).rows[0]!.id;

    const short = await staff.post("/api/staff/sales", sale(line, 5));
    expectApiError(short, 409, "insufficient_capacity");
    expect(short.body.error).toMatchObject({ available: 4, slotId: line.slotId });
    expectApiError(await staff.post("/api/staff/sales", { items: [{ slotId: line.slotId, ticketTypeId: other, quantity: 1 }], payment: "cash" }), 422, "ticket_type_unavailable");
    for (const body of [{}, sale(line, 0), sale(line, 501), sale(line, 1, "cheque"), sale(line, 1, "invoice"), { ...sale(line, 1), email: "not an address" }, { ...sale(line, 1), extra: 1 }]) {
      expectApiError(await staff.post("/api/staff/sales", body), 400, "invalid_request");
    }
    expect(await counts(line.slotId)).toMatchObject(line.taken(0));
    expect((await staff.post("/api/staff/sales", sale(line, 4))).status).toBe(201);
    expectApiError(await staff.post("/api/staff/sales", sale(line, 1)), 409, "sold_out");
  });

  it("answers a replayed Idempotency-Key with the first sale, selling once, and refuses the key for another sale", async () => {
    const staff = await signedInStaff(server.current, "staff");
    const line = await slotWithRoom(10);
    const headers = { "idempotency-key": "sale-replay-1" };
    const first = await staff.post("/api/staff/sales", sale(line, 3), { headers });
    const again = await staff.post("/api/staff/sales", sale(line, 3), { headers });
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(again.body.order.id).toBe(first.body.order.id);
    expect(await counts(line.slotId)).toMatchObject(line.taken(3));
    expectApiError(await staff.post("/api/staff/sales", sale(line, 4), { headers }), 409, "idempotency_conflict");
    expect(await counts(line.slotId)).toMatchObject(line.taken(3));
  });

  it("racing visitors' add-to-carts on the same slot, over real concurrent connections, never oversells", async () => {
    const room = 20;
    const line = await slotWithRoom(room);
    const before = await counts(line.slotId);
    const sellers = await Promise.all(Array.from({ length: 4 }, () => signedInStaff(server.current, "staff")));
    const outcomes = await Promise.all([
      ...sellers.map((staff) => staff.post("/api/staff/sales", sale(line, 5)).then((answer) => ({ who: "counter", quantity: 5, status: answer.status, code: answer.body?.error?.code }))),
      ...Array.from({ length: 8 }, () =>
        server.current.client().post("/api/cart/items", { slotId: line.slotId, ticketTypeId: line.ticketTypeId, quantity: 2 }).then((answer) => ({ who: "visitor", quantity: 2, status: answer.status, code: answer.body?.error?.code })),
      ),
    ]);
    for (const outcome of outcomes) if (outcome.status !== 201) expect(outcome, JSON.stringify(outcome)).toMatchObject({ status: 409, code: expect.stringMatching(/^(sold_out|insufficient_capacity)$/) });
    const won = (who: string) => outcomes.filter((outcome) => outcome.who === who && outcome.status === 201).reduce((sum, outcome) => sum + outcome.quantity, 0);
    const after = await counts(line.slotId);
    expect(after.sold - before.sold).toBe(won("counter"));
    expect(after.held - before.held).toBe(won("visitor"));
    expect(after.held + after.sold).toBeLessThanOrEqual(after.capacity);
    expect(won("counter") + won("visitor")).toBeGreaterThan(room - 5);
  });

  it("adds up the till per seller and payment type for the venue day, refunds included, as JSON and as CSV safe for spreadsheets", async () => {
    const staff = await signedInStaff(server.current, "staff");
    const colleague = await signedInStaff(server.current, "staff");
    const db = server.current.database.db;
    const [me] = await db.select({ id: users.id }).from(users).where(eq(users.email, staff.email));
    await db.update(users).set({ name: "=HYPERLINK(\"http://evil.example\")" }).where(eq(users.id, me!.id));
    const line = await slotWithRoom(40);
    const sold = [];
    for (const [quantity, payment] of [[2, "cash"], [3, "cash"], [1, "card_terminal"], [10, "invoice"]] as const) {
      const answer = await staff.post("/api/staff/sales", sale(line, quantity, payment, payment === "invoice" ? { name: "School", email: "school@example.org" } : {}));
      expect(answer.status, answer.text).toBe(201);
      sold.push(answer.body.order);
    }
    expect((await colleague.post("/api/staff/sales", sale(line, 4))).status).toBe(201);
    const desk = { db, actor: { kind: "user" as const, userId: me!.id, email: staff.email, role: "staff" as const }, now: () => new Date(), settings };
    await refundTickets({ ctx: desk, input: { orderId: sold[1].id, ticketIds: [sold[1].tickets[0].id], reason: "changed plans", voidReason: "refunded" } });

    const price = line.price;
    const summary = await staff.get("/api/staff/sales/summary");
    expect(summary.status, summary.text).toBe(200);
    expect(summary.body.summary).toMatchObject({ date: venueToday(), staff: [{ userId: me!.id }] });
    expect(summary.body.summary.staff[0].lines).toEqual([
      { payment: "cash", sales: 2, tickets: 5, total: { amount: 5 * price, currency: "INR" }, refunded: { amount: price, currency: "INR" }, net: { amount: 4 * price, currency: "INR" } },
      { payment: "card_terminal", sales: 1, tickets: 1, total: { amount: price, currency: "INR" }, refunded: { amount: 0, currency: "INR" }, net: { amount: price, currency: "INR" } },
      { payment: "invoice", sales: 1, tickets: 10, total: { amount: 10 * price, currency: "INR" }, refunded: { amount: 0, currency: "INR" }, net: { amount: 10 * price, currency: "INR" } },
    ]);
    const same = await staff.get(`/api/staff/sales/summary?date=${venueToday()}&staff=${me!.id}`);
    expect(same.body).toEqual(summary.body);
    const all = await colleague.get("/api/staff/sales/summary?staff=all");
    expect(all.body.summary.staff.length).toBeGreaterThanOrEqual(2);

    const csv = await staff.get("/api/staff/sales/summary", { headers: { accept: "text/csv" } });
    expect(csv.status).toBe(200);
    expect(csv.headers["content-type"]).toMatch(/^text\/csv/);
    const rows = csv.text.trim().split("\r\n");
    expect(rows[0]).toBe("date,staff,email,payment,sales,tickets,total_minor,refunded_minor,net_minor,currency");
    expect(rows).toHaveLength(4);
    expect(rows[1]).toBe(`${venueToday()},"'=HYPERLINK(""http://evil.example"")",${staff.email},cash,2,5,${5 * price},${price},${4 * price},INR`);

    for (const query of ["date=2026-02-30", "date=today", "staff=", "nope=1"]) expectApiError(await staff.get(`/api/staff/sales/summary?${query}`), 400, "invalid_request");
  });
});
