import fs from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { testProvider, TEST_SIGNATURE_HEADER } from "@/server/payments/test-provider";
import { expectApiError } from "../support/http-client";
import { mailText } from "../support/mail-files";
import { productionServerForThisFile, SERVER_AUTH_SECRET } from "../support/production-server";
import { signedInStaff } from "../support/staff-fixtures";
import { bookableSlot, placedOrder } from "./demo-museum";

const server = productionServerForThisFile();
const NO_SUCH = "00000000-0000-4000-8000-000000000000";
type Client = ReturnType<typeof server.current.client>;
type DeskTicket = { id: string; code: string; status: string; slotId: string };

/** A guest's order of `quantity` places on a bookable slot, paid through the test provider's signed webhook. */
async function paidOrder(quantity = 2, minimum = 10) {
  const visitor = server.current.client();
  const line = await bookableSlot(visitor, minimum);
  const { order, key } = await placedOrder(visitor, line, quantity);
  const signed = testProvider(SERVER_AUTH_SECRET).signedEvent("pay", { id: order.id, totalMinor: order.total.amount, currency: "INR" });
  expect((await visitor.send("POST", "/api/payments/test/webhook", { raw: signed.body, headers: { "content-type": "application/json", [TEST_SIGNATURE_HEADER]: signed.signature } })).status).toBe(200);
  return { line, order, key, visitor };
}

const deskOrder = async (client: Client, id: string) => {
  const answer = await client.get(`/api/staff/orders/${id}`);
  expect(answer.status, answer.text).toBe(200);
  return answer.body.order as { status: string; tickets: DeskTicket[]; refunds: { amount: { amount: number } }[]; audit: { action: string }[]; payments: { provider: string }[] };
};

/** The text of the first mail written whose file name starts so, once it is there (5 s at most). */
async function mailStartingWith(prefix: string): Promise<string | undefined> {
  const dir = path.join(server.current.dataDir, "outbox");
  for (let i = 0; i < 50; i++) {
    const name = (await fs.readdir(dir).catch(() => [] as string[])).find((file) => file.startsWith(prefix));
    if (name) return mailText(await fs.readFile(path.join(dir, name), "latin1"));
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return undefined;
}
const mailed = async (prefix: string): Promise<boolean> => (await mailStartingWith(prefix)) !== undefined;

describe("the service desk on the shipped server", () => {
  it("finds an order by number and by e-mail, and answers bad queries with 400 and unknown orders with 404", async () => {
    const desk = await signedInStaff(server.current, "staff");
    const { order } = await paidOrder(1);
    const found = await desk.get(`/api/staff/orders?q=${order.number}`);
    expect(found.status, found.text).toBe(200);
    expect(found.body.orders).toEqual([expect.objectContaining({ id: order.id, number: order.number, status: "paid", ticketCount: 1, visit: expect.objectContaining({ exhibition: expect.any(Object) }) })]);
    const byMail = await desk.get("/api/staff/orders?q=ASHA%40example&status=paid&limit=100");
    expect(byMail.body.orders.map((hit: { id: string }) => hit.id)).toContain(order.id);

    for (const query of ["status=lost", "date=2026-02-30", "limit=0", "limit=101", "limit=ten", "q=ab", "cursor=zzz", "page=2", "q=a&q=b", "q=%00abc"]) {
      expectApiError(await desk.get(`/api/staff/orders?${query}`), 400, "invalid_request");
    }
    for (const id of [NO_SUCH, "1042", "not-an-order"]) {
      expectApiError(await desk.get(`/api/staff/orders/${id}`), 404, "not_found");
      expectApiError(await desk.post(`/api/staff/orders/${id}/refund`, { reason: "x" }), 404, "not_found");
      expectApiError(await desk.post(`/api/staff/orders/${id}/resend`, {}), 404, "not_found");
    }
    for (const body of [{}, { reason: "" }, { reason: "x".repeat(501) }, { reason: "x", ticketIds: [] }, { reason: "x", ticketIds: ["one"] }, { reason: "x", ticketIds: "all" }]) {
      expectApiError(await desk.post(`/api/staff/orders/${order.id}/refund`, body), 400, "invalid_request");
    }
    for (const body of [{}, { toSlotId: "tomorrow" }, { toSlotId: NO_SUCH, ticketIds: [1] }]) expectApiError(await desk.post(`/api/staff/orders/${order.id}/move`, body), 400, "invalid_request");
    expectApiError(await desk.post(`/api/staff/orders/${order.id}/move`, { toSlotId: NO_SUCH }), 422, "slot_closed");
  });

  it("refunds one ticket once when the desk double-clicks (two requests at the same instant), then mails the buyer", async () => {
    const desk = await signedInStaff(server.current, "staff");
    const { order } = await paidOrder(2);
    const [ticket] = (await deskOrder(desk, order.id)).tickets;
    const refund = () => desk.post(`/api/staff/orders/${order.id}/refund`, { ticketIds: [ticket!.id], reason: "Cannot come" });
    const answers = await Promise.all([refund(), refund(), refund()]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409, 409]);
    for (const refused of answers.filter((answer) => answer.status === 409)) expectApiError(refused, 409, "ticket_void");
    const done = answers.find((answer) => answer.status === 200)!.body.order;
    expect(done.status).toBe("paid");
    expect(done.refunds).toHaveLength(1);
    expect(done.tickets.filter((one: DeskTicket) => one.status === "void").map((one: DeskTicket) => one.id)).toEqual([ticket!.id]);
    expect(done.audit.filter((entry: { action: string }) => entry.action === "order.refund")).toHaveLength(1);
    expect(await mailed(`order-${order.number}-desk-refund-${ticket!.id}_`)).toBe(true);

    // The rest (no ticketIds), asked twice at once: once again.
    const rest = await Promise.all([0, 1].map(() => desk.post(`/api/staff/orders/${order.id}/refund`, { reason: "The rest" })));
    expect(rest.map((answer) => answer.status).sort()).toEqual([200, 409]);
    expectApiError(rest.find((answer) => answer.status === 409)!, 409, "order_not_refundable");
    expect((await deskOrder(desk, order.id)).refunds).toHaveLength(2);
  });

  it("refuses to refund an unpaid order with 409 order_not_refundable", async () => {
    const desk = await signedInStaff(server.current, "staff");
    const visitor = server.current.client();
    const { order } = await placedOrder(visitor, await bookableSlot(visitor), 1);
    expectApiError(await desk.post(`/api/staff/orders/${order.id}/refund`, { reason: "x" }), 409, "order_not_refundable");
    expectApiError(await desk.post(`/api/staff/orders/${order.id}/resend`, {}), 409, "order_not_paid");
  });

  it("moves an order while 15 visitors add to the target slot at once, never overselling it, and mails the new tickets", async () => {
    const admin = await signedInStaff(server.current, "admin");
    const desk = await signedInStaff(server.current, "staff");
    const { line, order } = await paidOrder(3);
    const { slots } = (await desk.get(`/api/exhibitions/${line.slug}/slots`)).body as { slots: { id: string; startsAt: string; available: number; capacity: number }[] };
    const target = slots.find((slot) => slot.id !== line.slotId && Date.parse(slot.startsAt) > Date.now() + 86_400_000 && slot.available === slot.capacity)!;
    expect((await admin.send("PATCH", `/api/staff/slots/${target.id}`, { body: { capacity: 10 } })).status).toBe(200);

    const add = () => server.current.client().post("/api/cart/items", { slotId: target.id, ticketTypeId: line.ticketTypeId, quantity: 1 });
    const racing = [...Array.from({ length: 7 }, add), desk.post(`/api/staff/orders/${order.id}/move`, { toSlotId: target.id }), ...Array.from({ length: 8 }, add)];
    const answers = await Promise.all(racing);
    const move = answers[7]!;
    const adds = answers.filter((_, i) => i !== 7);
    for (const answer of adds) expect([201, 409], answer.text).toContain(answer.status);
    expect([200, 409], move.text).toContain(move.status);

    const slot = (await admin.get(`/api/staff/slots?from=${new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Kolkata" }).format(new Date(target.startsAt))}&exhibition=${line.slug}`)).body.slots.find((one: { id: string }) => one.id === target.id);
    expect(slot.held + slot.sold).toBeLessThanOrEqual(10);
    expect(slot.held).toBe(adds.filter((answer) => answer.status === 201).length);
    expect(slot.sold).toBe(move.status === 200 ? 3 : 0);
    const after = await deskOrder(desk, order.id);
    if (move.status === 200) {
      expect(after.tickets.filter((ticket) => ticket.status === "valid").every((ticket) => ticket.slotId === target.id)).toBe(true);
      expect(after.audit.map((entry) => entry.action)).toContain("order.move");
      expect(await mailed(`order-${order.number}-desk-move-`)).toBe(true);
    } else {
      expect(after.tickets.every((ticket) => ticket.status === "valid" && ticket.slotId === line.slotId)).toBe(true);
    }
  });

  it("moves an order to a slot with room: new codes, the old ones void", async () => {
    const desk = await signedInStaff(server.current, "staff");
    const { line, order } = await paidOrder(2);
    const before = await deskOrder(desk, order.id);
    const { slots } = (await desk.get(`/api/exhibitions/${line.slug}/slots`)).body as { slots: { id: string; startsAt: string; available: number }[] };
    const target = slots.find((slot) => slot.id !== line.slotId && Date.parse(slot.startsAt) > Date.now() + 86_400_000 && slot.available >= 5)!;
    const moved = await desk.post(`/api/staff/orders/${order.id}/move`, { ticketIds: [before.tickets[0]!.id], toSlotId: target.id });
    expect(moved.status, moved.text).toBe(200);
    const tickets = moved.body.order.tickets as DeskTicket[];
    expect(tickets.find((ticket) => ticket.id === before.tickets[0]!.id)).toMatchObject({ status: "void", slotId: line.slotId });
    const fresh = tickets.filter((ticket) => !before.tickets.some((old) => old.id === ticket.id));
    expect(fresh).toEqual([expect.objectContaining({ status: "valid", slotId: target.id })]);
    expect(fresh[0]!.code).not.toBe(before.tickets[0]!.code);
  });

  it("resends the confirmation with 202, each resend its own e-mail listing only the tickets left after a refund, at most 5 an hour per order", async () => {
    const desk = await signedInStaff(server.current, "staff");
    const { order } = await paidOrder(3);
    const [refunded] = (await deskOrder(desk, order.id)).tickets;
    expect((await desk.post(`/api/staff/orders/${order.id}/refund`, { ticketIds: [refunded!.id], reason: "One cannot come" })).status).toBe(200);
    for (let i = 0; i < 5; i++) expect((await desk.post(`/api/staff/orders/${order.id}/resend`, {})).status).toBe(202);
    const refused = await desk.post(`/api/staff/orders/${order.id}/resend`, {});
    expectApiError(refused, 429, "rate_limited");
    expect(refused.headers["retry-after"]).toBeDefined();
    const resent = await mailStartingWith(`order-${order.number}-resend-`);
    expect(resent).toMatch(/ 2 × /);
    expect(resent).not.toMatch(/ 3 × /);
    expect((await deskOrder(desk, order.id)).audit.filter((entry) => entry.action === "order.resend")).toHaveLength(5);
  });
});
