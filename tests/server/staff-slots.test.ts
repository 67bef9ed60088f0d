import fs from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { testProvider, TEST_SIGNATURE_HEADER } from "@/server/payments/test-provider";
import { openEventStream } from "../support/event-stream";
import { expectApiError } from "../support/http-client";
import { productionServerForThisFile, SERVER_AUTH_SECRET } from "../support/production-server";
import { signedInStaff } from "../support/staff-fixtures";
import { bookableSlot, placedOrder } from "./demo-museum";

const server = productionServerForThisFile();
const NO_SUCH = "00000000-0000-4000-8000-000000000000";

/** Another slot of the same exhibition, later, with room: where a cancelled slot's visitors go. */
async function laterSlot(client: ReturnType<typeof server.current.client>, slug: string, after: string) {
  const { slots } = (await client.get(`/api/exhibitions/${slug}/slots`)).body as { slots: { id: string; startsAt: string; available: number }[] };
  return slots.find((slot) => Date.parse(slot.startsAt) > Date.parse(after) && slot.available >= 5)!.id;
}
const startOf = async (client: ReturnType<typeof server.current.client>, slug: string, slotId: string) =>
  ((await client.get(`/api/exhibitions/${slug}/slots`)).body.slots as { id: string; startsAt: string }[]).find((slot) => slot.id === slotId)!.startsAt;

describe("the staff slot routes on the shipped server", () => {
  it("are for admins only: 401 without a session, 403 for a visitor, door or staff account", async () => {
    const { slotId } = await bookableSlot(server.current.client());
    const calls = [
      ["GET", "/api/staff/slots"],
      ["PATCH", `/api/staff/slots/${slotId}`, { capacity: 50 }],
      ["POST", `/api/staff/slots/${slotId}/cancel`, { reason: "no" }],
    ] as const;
    const nobody = server.current.client();
    for (const [method, target, body] of calls) expectApiError(await nobody.send(method, target, { body }), 401, "unauthenticated");
    for (const role of ["visitor", "door", "staff"] as const) {
      const client = await signedInStaff(server.current, role);
      for (const [method, target, body] of calls) expectApiError(await client.send(method, target, { body }), 403, "forbidden");
    }
  });

  it("answer mistakes with 400 naming the field, and an unknown slot with 404", async () => {
    const admin = await signedInStaff(server.current, "admin");
    const { slotId } = await bookableSlot(admin);
    for (const query of ["from=2026-02-30", "from=2026-01-01&to=2026-03-01", "from=2026-01-10&to=2026-01-01", "day=2026-01-01"]) expectApiError(await admin.get(`/api/staff/slots?${query}`), 400, "invalid_request");
    expectApiError(await admin.get("/api/staff/slots?exhibition=no-such-show"), 404, "not_found");
    for (const body of [{ capacity: -1 }, { capacity: 100_001 }, { capacity: 1.5 }, { capacity: "10" }, { status: "cancelled" }, {}]) {
      expectApiError(await admin.send("PATCH", `/api/staff/slots/${slotId}`, { body }), 400, "invalid_request");
    }
    for (const body of [{}, { reason: "" }, { reason: "x".repeat(501) }, { reason: "x", moveTo: "tomorrow" }]) {
      expectApiError(await admin.post(`/api/staff/slots/${slotId}/cancel`, body), 400, "invalid_request");
    }
    expectApiError(await admin.send("PATCH", `/api/staff/slots/${NO_SUCH}`, { body: { capacity: 5 } }), 404, "not_found");
    expectApiError(await admin.send("PATCH", "/api/staff/slots/not-a-slot", { body: { capacity: 5 } }), 404, "not_found");
    expectApiError(await admin.post(`/api/staff/slots/${NO_SUCH}/cancel`, { reason: "x" }), 404, "not_found");
  });

  it("lists a day's slots with their counts, and refuses a capacity under what is taken with 409 and `taken`", async () => {
    const admin = await signedInStaff(server.current, "admin");
    const visitor = server.current.client();
    const line = await bookableSlot(visitor);
    await placedOrder(visitor, line, 3);
    const day = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Kolkata" }).format(new Date(await startOf(admin, line.slug, line.slotId)));
    const listed = await admin.get(`/api/staff/slots?from=${day}&to=${day}&exhibition=${line.slug}`);
    expect(listed.status, listed.text).toBe(200);
    expect(listed.body.slots.find((slot: { id: string }) => slot.id === line.slotId)).toMatchObject({ held: 3, sold: 0, checkedIn: 0, status: "open", cancelReason: null });

    const refused = await admin.send("PATCH", `/api/staff/slots/${line.slotId}`, { body: { capacity: 2 } });
    expectApiError(refused, 409, "capacity_below_taken");
    expect(refused.body.error.taken).toBe(3);
    const cut = await admin.send("PATCH", `/api/staff/slots/${line.slotId}`, { body: { capacity: 3, status: "closed" } });
    expect(cut.status, cut.text).toBe(200);
    expect(cut.body).toMatchObject({ id: line.slotId, capacity: 3, held: 3, sold: 0, checkedIn: 0, status: "closed", exhibition: { slug: line.slug } });
    expectApiError(await visitor.post("/api/cart/items", { slotId: line.slotId, ticketTypeId: line.ticketTypeId, quantity: 1 }), 422, "slot_closed");
  });

  it("visitors watching a slot see an admin close it, reopen it and change its capacity, live", async () => {
    const admin = await signedInStaff(server.current, "admin");
    const line = await bookableSlot(server.current.client());
    const stream = await openEventStream(`${server.current.app.url}/api/events?slots=${line.slotId}`);
    try {
      const seen = (status: string, available?: number) =>
        stream.next(({ event, data }) => event === "availability" && data.slotId === line.slotId && data.status === status && (available === undefined || data.available === available), 10_000);
      expect((await admin.send("PATCH", `/api/staff/slots/${line.slotId}`, { body: { status: "closed" } })).status).toBe(200);
      await seen("closed");
      expect((await admin.send("PATCH", `/api/staff/slots/${line.slotId}`, { body: { status: "open", capacity: 7 } })).status).toBe(200);
      await seen("open", 7);
    } finally {
      await stream.close();
    }
  });

  it("cancels a slot over HTTP, moving a paid order's tickets, and mails the buyer", async () => {
    const admin = await signedInStaff(server.current, "admin");
    const visitor = server.current.client();
    const line = await bookableSlot(visitor);
    const { order, key } = await placedOrder(visitor, line, 2);
    const signed = testProvider(SERVER_AUTH_SECRET).signedEvent("pay", { id: order.id, totalMinor: order.total.amount, currency: "INR" });
    expect((await visitor.send("POST", "/api/payments/test/webhook", { raw: signed.body, headers: { "content-type": "application/json", [TEST_SIGNATURE_HEADER]: signed.signature } })).status).toBe(200);
    const moveTo = await laterSlot(admin, line.slug, await startOf(admin, line.slug, line.slotId));

    const cancelled = await admin.post(`/api/staff/slots/${line.slotId}/cancel`, { reason: "The lift is broken", moveTo });
    expect(cancelled.status, cancelled.text).toBe(200);
    expect(cancelled.body).toEqual({ orders: [{ id: order.id, number: order.number, outcome: "moved" }] });
    const seen = (await visitor.get(`/api/orders/${order.id}?key=${key}`)).body.order as { status: string; tickets: { status: string }[]; items: { slotId: string }[] };
    expect(seen.status).toBe("paid");
    expect(seen.tickets.map((ticket) => ticket.status).sort()).toEqual(["valid", "valid", "void", "void"]);
    expect(seen.items.map((item) => item.slotId)).toEqual([moveTo]);
    expectApiError(await admin.post(`/api/staff/slots/${line.slotId}/cancel`, { reason: "again" }), 422, "slot_closed");
    expectApiError(await visitor.post("/api/cart/items", { slotId: line.slotId, ticketTypeId: line.ticketTypeId, quantity: 1 }), 422, "slot_closed");

    // The outbox is kicked once the cancel has committed: the buyer's e-mail is written without waiting for the next tick.
    const file = `order-${order.number}-moved-${line.slotId}_`;
    for (let i = 0; i < 50 && !(await fs.readdir(path.join(server.current.dataDir, "outbox")).catch(() => [] as string[])).some((name) => name.startsWith(file)); i++) await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await fs.readdir(path.join(server.current.dataDir, "outbox"))).some((name) => name.startsWith(file))).toBe(true);
  });
});
