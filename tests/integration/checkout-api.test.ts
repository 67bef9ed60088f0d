import fs from "node:fs/promises";
import path from "node:path";
import { createPublicKey } from "node:crypto";
import { eq } from "drizzle-orm";
import { PDFDocument } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as authPost } from "@/app/api/auth/[...all]/route";
import { POST as postItem } from "@/app/api/cart/items/route";
import { POST as postCheckout } from "@/app/api/checkout/route";
import { GET as myOrders } from "@/app/api/me/orders/route";
import { GET as getOrder } from "@/app/api/orders/[id]/route";
import { GET as getPdf } from "@/app/api/orders/[id]/tickets.pdf/route";
import { POST as webhook } from "@/app/api/payments/[provider]/webhook/route";
import { GET as publicKey } from "@/app/api/tickets/public-key/route";
import { POST as completeTestPayment } from "@/app/pay/[provider]/[id]/complete/route";
import { orderItems, orders, paymentEvents, payments, ticketPdfs, tickets, timeSlots } from "@/db/schema";
import { verifyTicket } from "@/domain/tickets/ticket-token";
import { config } from "@/server/config";
import { databaseHandle } from "@/server/database";
import { logger } from "@/server/logger";
import { kickOutbox } from "@/server/outbox/outbox";
import { theTestProvider } from "@/server/payments/payment-provider";
import { TEST_SIGNATURE_HEADER } from "@/server/payments/test-provider";
import { ticketToken } from "@/server/tickets/ticket-qr";
import { ticketsPdfOf } from "@/server/tickets/tickets-pdf";
import { applyPaymentEvent } from "@/domain/checkout/apply-payment";
import { loadOrder } from "@/domain/checkout/order-view";
import { bookableShow, slotCounts, testCtx } from "../support/cart-fixtures";
import { paidEvent } from "../support/order-fixtures";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { readOutboxMail } from "../support/mail-files";
import { device, type Device } from "../support/device";

let database: TestDatabase;
let show: Awaited<ReturnType<typeof bookableShow>>;
beforeAll(async () => {
  database = await createTestDatabase();
  databaseHandle(database);
  show = await bookableShow(database.db, new Date(), { capacity: 200 });
});
afterAll(() => database.drop());

const contact = { name: "Asha Rao", email: "asha@example.org" };
const add = (on: Device, quantity = 2) => on.send(postItem, "POST", "/api/cart/items", { body: { slotId: show.slot.id, ticketTypeId: show.adult.id, quantity } });
const checkout = (on: Device, headers: Record<string, string> = {}) => on.send(postCheckout, "POST", "/api/checkout", { body: contact, headers });
const keyOf = (answer: { body: { payment: { redirectUrl: string } } }) => new URL(answer.body.payment.redirectUrl, "http://localhost").searchParams.get("key")!;

const chargeOf = (order: { id: string; total: { amount: number; currency: string } }) => ({ id: order.id, totalMinor: order.total.amount, currency: order.total.currency });

async function sendEvent(outcome: "pay" | "decline", order: { id: string; total: { amount: number; currency: string } }, signed = theTestProvider().signedEvent(outcome, chargeOf(order))) {
  return device().send(webhook, "POST", "/api/payments/test/webhook", { params: { provider: "test" }, headers: { [TEST_SIGNATURE_HEADER]: signed.signature, "content-type": "application/json" }, body: JSON.parse(signed.body) });
}

/** A guest's order, placed: its answer and the guest's browser. */
async function placed() {
  const guest = device();
  await add(guest);
  const answer = await checkout(guest);
  expect(answer.status).toBe(201);
  return { guest, answer, order: answer.body.order, key: keyOf(answer) };
}

describe("POST /api/checkout", () => {
  it("answers 201 with the order and where to pay; the cart is empty afterwards", async () => {
    const { answer, order, key } = await placed();
    expect(order).toMatchObject({ status: "pending_payment", email: "asha@example.org", total: { amount: 50_000, currency: "INR" }, tickets: [] });
    expect(answer.body.payment).toEqual({ provider: "test", redirectUrl: `/pay/test/${order.id}?key=${key}` });
  });

  it("makes one order of a double click (the same Idempotency-Key, at once)", async () => {
    const guest = device();
    await add(guest);
    const answers = await Promise.all(Array.from({ length: 4 }, () => checkout(guest, { "idempotency-key": "pay-click" })));
    expect(new Set(answers.map((answer) => answer.status))).toEqual(new Set([201]));
    expect(new Set(answers.map((answer) => answer.body.order.id)).size).toBe(1);
  });

  it("answers 409 cart_empty with nothing to buy, and 400 naming bad contact fields", async () => {
    const empty = await checkout(device());
    expect(empty.status).toBe(409);
    expect(empty.body.error.code).toBe("cart_empty");
    const guest = device();
    await add(guest);
    const bad = await guest.send(postCheckout, "POST", "/api/checkout", { body: { name: "", email: "nope", phone: "call me" } });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(["email", "name", "phone"]);
  });

  it("answers 422 slot_closed naming the line whose slot was cancelled while it was held, and makes no order", async () => {
    const closing = await bookableShow(database.db, new Date());
    const guest = device();
    const added = await guest.send(postItem, "POST", "/api/cart/items", { body: { slotId: closing.slot.id, ticketTypeId: closing.adult.id, quantity: 1 } });
    await database.db.update(timeSlots).set({ status: "cancelled" }).where(eq(timeSlots.id, closing.slot.id));
    const refused = await checkout(guest);
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({ code: "slot_closed", itemIds: [added.body.cart.items[0].id], requestId: expect.any(String) });
    expect(await database.db.select().from(orderItems).where(eq(orderItems.slotId, closing.slot.id))).toEqual([]);
  });
});

describe("the payment webhook", () => {
  it("refuses a bad signature with 400 and changes nothing", async () => {
    const { order } = await placed();
    const signed = theTestProvider().signedEvent("pay", chargeOf(order));
    const forged = await sendEvent("pay", order, { body: signed.body.replace(String(order.total.amount), "1"), signature: signed.signature });
    expect(forged.status).toBe(400);
    const unsigned = await sendEvent("pay", order, { body: signed.body, signature: "" });
    expect(unsigned.status).toBe(400);
    expect(await database.db.select().from(paymentEvents).where(eq(paymentEvents.orderId, order.id))).toEqual([]);
    expect((await database.db.select().from(orders).where(eq(orders.id, order.id)))[0]!.status).toBe("pending_payment");
  });

  it("replayed three times gives one set of tickets", async () => {
    const { order } = await placed();
    const signed = theTestProvider().signedEvent("pay", chargeOf(order));
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await sendEvent("pay", order, signed));
    expect(answers.map((answer) => [answer.status, answer.body.outcome])).toEqual([[200, "paid"], [200, "duplicate"], [200, "duplicate"]]);
    expect(await database.db.select().from(tickets).where(eq(tickets.orderId, order.id))).toHaveLength(2);
  });

  it("is 404 for a provider this server does not use", async () => {
    expect((await device().send(webhook, "POST", "/api/payments/stripe/webhook", { params: { provider: "stripe" }, body: {} })).status).toBe(404);
  });
});

describe("the test provider's page", () => {
  it("pays through our own webhook and sends the buyer to the order; a decline sends them back to try again", async () => {
    const { order, key } = await placed();
    const send = (outcome: string, withKey = key) =>
      completeTestPayment(new Request(`http://localhost/pay/test/${order.id}/complete`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: `key=${withKey}&outcome=${outcome}` }), { params: Promise.resolve({ provider: "test", id: order.id }) });
    expect((await send("pay", "wrong-key")).status).toBe(404);
    const declined = await send("decline");
    expect(declined.status).toBe(303);
    expect(declined.headers.get("location")).toBe(`/pay/test/${order.id}?key=${key}&result=declined`);
    const paid = await send("pay");
    expect(paid.headers.get("location")).toBe(`/orders/${order.id}?key=${key}`);
    expect((await database.db.select().from(orders).where(eq(orders.id, order.id)))[0]!.status).toBe("paid");
    // "Pay" again from a second tab is a second payment: it is refunded, and the tickets stay one set.
    expect((await send("pay")).headers.get("location")).toBe(`/pay/test/${order.id}?key=${key}&result=second_capture`);
    expect((await database.db.select({ status: payments.status }).from(payments).where(eq(payments.orderId, order.id))).map((payment) => payment.status).sort()).toEqual(["applied", "refunding"]);
    expect(await database.db.select().from(tickets).where(eq(tickets.orderId, order.id))).toHaveLength(2);
  });
});

describe("an order and its tickets", () => {
  it("are shown to the holder of the link, and are 404 to anyone else", async () => {
    const { order, key } = await placed();
    await sendEvent("pay", order);
    const seen = await device().send(getOrder, "GET", `/api/orders/${order.id}?key=${key}`, { params: { id: order.id } });
    expect(seen.status).toBe(200);
    expect(seen.body.order.status).toBe("paid");
    expect(seen.body.order.tickets).toHaveLength(2);
    expect(seen.body.order.tickets[0].qrUrl).toMatch(/^data:image\/svg\+xml;base64,/);
    for (const path of [`/api/orders/${order.id}`, `/api/orders/${order.id}?key=${key.slice(0, -1)}x`]) {
      expect((await device().send(getOrder, "GET", path, { params: { id: order.id } })).status).toBe(404);
    }
    const other = await placed();
    expect((await device().send(getOrder, "GET", `/api/orders/${order.id}?key=${other.key}`, { params: { id: order.id } })).status).toBe(404);
    expect((await device().send(getPdf, "GET", `/api/orders/${order.id}/tickets.pdf`, { params: { id: order.id } })).status).toBe(404);
  });

  it("come as a PDF of one page per ticket", async () => {
    const guest = device();
    await add(guest, 3);
    const answer = await checkout(guest);
    await sendEvent("pay", answer.body.order);
    const response = await getPdf(new Request(`http://localhost/api/orders/${answer.body.order.id}/tickets.pdf?key=${keyOf(answer)}`), { params: Promise.resolve({ id: answer.body.order.id }) });
    expect(response.headers.get("content-type")).toBe("application/pdf");
    const pdf = await PDFDocument.load(new Uint8Array(await response.arrayBuffer()));
    expect(pdf.getPageCount()).toBe(3);
  });

  it("draw each QR code once and keep it: later answers read it back instead of drawing it again", async () => {
    const { order, key } = await placed();
    await sendEvent("pay", order);
    const stored = async () => (await database.db.select({ id: tickets.id, qrSvg: tickets.qrSvg }).from(tickets).where(eq(tickets.orderId, order.id))).sort((a, b) => a.id.localeCompare(b.id));
    expect((await stored()).map((row) => row.qrSvg)).toEqual([null, null]);
    const first = (await device().send(getOrder, "GET", `/api/orders/${order.id}?key=${key}`, { params: { id: order.id } })).body.order;
    const kept = await stored();
    expect(kept.every((row) => row.qrSvg?.startsWith("<svg"))).toBe(true);
    const decoded = (ticket: { id: string; qrUrl: string }) => [ticket.id, Buffer.from(ticket.qrUrl.split(",")[1]!, "base64").toString()];
    expect(Object.fromEntries(first.tickets.map(decoded))).toEqual(Object.fromEntries(kept.map((row) => [row.id, row.qrSvg])));

    await database.db.update(tickets).set({ qrSvg: "<svg id=\"kept\"/>" }).where(eq(tickets.id, kept[0]!.id));
    const again = (await device().send(getOrder, "GET", `/api/orders/${order.id}?key=${key}`, { params: { id: order.id } })).body.order;
    expect(Object.fromEntries(again.tickets.map(decoded))[kept[0]!.id]).toBe("<svg id=\"kept\"/>");
  });

  it("come as a PDF made once, with the confirmation, and served from that copy until what it shows changes", async () => {
    const { order, key } = await placed();
    await sendEvent("pay", order);
    await kickOutbox(database.db, logger());
    const [made] = await database.db.select().from(ticketPdfs).where(eq(ticketPdfs.orderId, order.id));
    expect((await PDFDocument.load(new Uint8Array(made!.pdf))).getPageCount()).toBe(2);
    const download = async () => {
      const response = await getPdf(new Request(`http://localhost/api/orders/${order.id}/tickets.pdf?key=${key}`), { params: Promise.resolve({ id: order.id }) });
      return Buffer.from(await response.arrayBuffer());
    };
    await database.db.update(ticketPdfs).set({ pdf: Buffer.from("%PDF-kept") }).where(eq(ticketPdfs.orderId, order.id));
    expect((await download()).toString()).toBe("%PDF-kept");

    await database.db.update(orders).set({ name: "Asha R. Rao" }).where(eq(orders.id, order.id));
    const remade = await download();
    expect((await PDFDocument.load(new Uint8Array(remade))).getPageCount()).toBe(2);
    expect((await database.db.select().from(ticketPdfs).where(eq(ticketPdfs.orderId, order.id)))[0]!.pdf).toEqual(remade);
  });

  it("come as a PDF made once for downloads at the same moment", async () => {
    const { order } = await placed();
    await sendEvent("pay", order);
    const shown = { ...(await loadOrder(database.db, order.id))!, name: "Asha, at once" };
    const copies = await Promise.all(Array.from({ length: 4 }, () => ticketsPdfOf(database.db, shown, config().venueTimeZone)));
    expect(new Set(copies).size).toBe(1);
  });

  it("carry QR tokens that verify with the published key", async () => {
    const { order, key } = await placed();
    await sendEvent("pay", order);
    const paid = (await device().send(getOrder, "GET", `/api/orders/${order.id}?key=${key}`, { params: { id: order.id } })).body.order;
    const published = await device().send(publicKey, "GET", "/api/tickets/public-key");
    const key2 = createPublicKey(published.body.publicKeyPem);
    const token = ticketToken(paid, paid.tickets[0]);
    expect(verifyTicket(token, key2)).toMatchObject({ code: paid.tickets[0].code, order: paid.number });
    expect(verifyTicket(token.replace(/.$/, (last) => (last === "A" ? "B" : "A")), key2)).toBeUndefined();
  });

  it("are listed, newest first, under the buyer's account, and not for guests", async () => {
    expect((await device().send(myOrders, "GET", "/api/me/orders")).status).toBe(401);
    const member = device();
    await member.send(authPost, "POST", "/api/auth/sign-up/email", { body: { name: "Ravi", email: `ravi-${Date.now()}@example.org`, password: "a long enough password" } });
    const numbers = [];
    for (let i = 0; i < 2; i++) {
      await add(member, 1);
      numbers.push((await checkout(member)).body.order.number);
    }
    const listed = await member.send(myOrders, "GET", "/api/me/orders");
    expect(listed.body.orders.map((order: { number: string }) => order.number)).toEqual(numbers.reverse());
    const id = listed.body.orders[0].id;
    expect((await member.send(getOrder, "GET", `/api/orders/${id}`, { params: { id } })).status).toBe(200);
  });
});

describe("the outbox", () => {
  it("writes the confirmation with its PDF once, to DATA_DIR/outbox when no SMTP_URL is set", async () => {
    const { order } = await placed();
    await sendEvent("pay", order);
    await kickOutbox(database.db, logger());
    const file = path.join(config().dataDir, "outbox", `order-${order.number}-confirmation_localhost.eml`);
    const mail = await fs.readFile(file, "utf8");
    expect(mail).toContain("To: Asha Rao <asha@example.org>");
    expect(mail).toContain(`Subject: Your tickets, order ${order.number}`);
    expect(mail).toContain(`filename=tickets-${order.number}.pdf`);
    expect(await kickOutbox(database.db, logger())).toBe(0);
  });

  it("still sends a confirmation whose worker died mid-job, once its lease has run out", async () => {
    const { order } = await placed();
    // The payment commits with its e-mail queued; the worker that took the e-mail then dies, leaving the job leased.
    await applyPaymentEvent({ ctx: testCtx(database.db, { now: new Date() }), input: paidEvent(order.id) });
    await database.db.execute(`UPDATE outbox SET leased_until = now() + interval '1 hour', attempts = 1 WHERE order_id = '${order.id}'`);
    const file = path.join(config().dataDir, "outbox", `order-${order.number}-confirmation_localhost.eml`);
    await fs.rm(file, { force: true });
    await kickOutbox(database.db, logger());
    await expect(fs.stat(file)).rejects.toThrow();
    await database.db.execute(`UPDATE outbox SET leased_until = now() - interval '1 second' WHERE order_id = '${order.id}'`);
    expect(await kickOutbox(database.db, logger())).toBe(1);
    expect(await fs.readFile(file, "utf8")).toContain(`order ${order.number}`);
  });

  it("refunds a late payment whose places are gone and tells the buyer", async () => {
    const { order } = await placed();
    await database.db.update(orders).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(orders.id, order.id));
    const { expireOrders } = await import("@/domain/checkout/expire-orders");
    await expireOrders(database.db, new Date());
    const before = await slotCounts(database.db, show.slot.id);
    await database.db.execute(`UPDATE time_slots SET sold = capacity - held WHERE id = '${show.slot.id}'`);
    expect((await sendEvent("pay", order)).body.outcome).toBe("late_no_room");
    await kickOutbox(database.db, logger());
    const [payment] = await database.db.select().from(payments).where(eq(payments.orderId, order.id));
    expect(payment).toMatchObject({ status: "refunded", refundReason: "late_no_room" });
    const mail = await readOutboxMail(config().dataDir, `order-${order.number}-refund-${payment!.providerPaymentId}@localhost`);
    expect(mail).toContain("the places had gone to other visitors");
    expect(mail).toContain("We have refunded that payment of ₹500 in full");
    const after = await slotCounts(database.db, show.slot.id);
    expect(after.held + after.sold).toBeLessThanOrEqual(after.capacity);
    await database.db.execute(`UPDATE time_slots SET sold = ${before.sold} WHERE id = '${show.slot.id}'`);
  });
});
