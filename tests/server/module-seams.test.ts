import fs from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createCredentialUser } from "@/db/accounts";
import { testProvider, TEST_SIGNATURE_HEADER } from "@/server/payments/test-provider";
import { expectApiError } from "../support/http-client";
import { productionServerForThisFile, SERVER_AUTH_SECRET } from "../support/production-server";
import { bookableSlot, placedOrder } from "./demo-museum";

// Each case here crossed a module-copy seam of the shipped server (an object made by one copy of a
// module, checked with instanceof against another copy's class) and answered 500 (issue 10).
const server = productionServerForThisFile({ RATE_LIMIT_SIGNIN_PER_MINUTE: "3" });

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe("rate limits on the shipped server", () => {
  // First in the file: the direct add path is the first to use the limiters, so they are made by its copy of the module.
  it("answer 429 to the 121st cart write of one cart in a minute", async () => {
    const client = server.current.client();
    const line = await bookableSlot(client);
    const first = await client.post("/api/cart/items", { slotId: line.slotId, ticketTypeId: line.ticketTypeId, quantity: 1 });
    const itemId = first.body.cart.items[0].id;
    expect(first.status, first.text).toBe(201);
    // The first add came with no cart yet, so it counted against the address: 121 writes of the cart follow.
    const answers = [];
    for (let write = 1; write <= 121; write++) answers.push(await client.send("PATCH", `/api/cart/items/${itemId}`, { body: { quantity: 1 + (write % 2) } }));
    expect(answers.slice(0, 120).every((answer) => answer.status === 200)).toBe(true);
    expectApiError(answers[120]!, 429, "rate_limited");
  });

  it("answer 429 to failed sign-ins for an account that signed in before", async () => {
    const email = "returning@example.org";
    await createCredentialUser(server.current.database.db, { email, name: "Returning", password: "a long enough password", role: "visitor", now: new Date() });
    const client = server.current.client();
    expect((await client.post("/api/auth/sign-in/email", { email, password: "a long enough password" })).status).toBe(200);
    const answers = [];
    for (let attempt = 0; attempt < 4; attempt++) answers.push(await server.current.client().post("/api/auth/sign-in/email", { email, password: "wrong password" }));
    // Failures are counted per email and address (RATE_LIMIT_SIGNIN_PER_MINUTE=3 here); the earlier success is not.
    expect(answers.map((answer) => answer.status)).toEqual([401, 401, 401, 429]);
    expectApiError(answers[3]!, 429, "rate_limited");
    expect(Number(answers[3]!.headers["retry-after"])).toBeGreaterThan(0);
  });
});

describe("payments on the shipped server", () => {
  it("refuses a webhook with a bad signature or body with 400, also after the payment page was shown", async () => {
    const client = server.current.client();
    const line = await bookableSlot(client);
    const { payPath } = await placedOrder(client, line);
    expect((await client.get(payPath)).status).toBe(200);
    const webhook = "/api/payments/test/webhook";
    const attempts: { raw: string; headers: Record<string, string> }[] = [
      { raw: '{"id":"evt_1"}', headers: { "content-type": "application/json", [TEST_SIGNATURE_HEADER]: "t=1,v1=00" } },
      { raw: '{"id":"evt_1"}', headers: { "content-type": "application/json" } },
      { raw: "garbage", headers: { "content-type": "application/json" } },
      { raw: "", headers: { "content-type": "application/json" } },
      { raw: "a=b", headers: { "content-type": "application/x-www-form-urlencoded" } },
    ];
    for (const attempt of attempts) {
      expectApiError(await client.send("POST", webhook, attempt), 400, "invalid_request");
    }
  });

  it("refunds a payment that arrives after its order expired and its places were sold, and tells the buyer", async () => {
    const { database, dataDir } = server.current;
    const client = server.current.client();
    const line = await bookableSlot(client);
    const { order, key } = await placedOrder(client, line);
    await database.pool.query("UPDATE orders SET expires_at = now() - interval '1 second' WHERE id = $1", [order.id]);
    const expired = await until(() => client.get(`/api/orders/${order.id}?key=${key}`), (answer) => answer.body.order.status === "expired");
    expect(expired.body.order.status).toBe("expired");
    await database.pool.query("UPDATE time_slots SET sold = capacity - held WHERE id = $1", [line.slotId]);

    const signed = testProvider(SERVER_AUTH_SECRET).signedEvent("pay", { id: order.id, totalMinor: order.total.amount, currency: "INR" });
    const paid = await client.send("POST", "/api/payments/test/webhook", { raw: signed.body, headers: { "content-type": "application/json", [TEST_SIGNATURE_HEADER]: signed.signature } });
    expect(paid.status, paid.text).toBe(200);
    expect((await client.get(`/api/orders/${order.id}?key=${key}`)).body.order).toMatchObject({ status: "refunded", tickets: [] });
    const { rows } = await database.pool.query("SELECT kind FROM outbox WHERE order_id = $1 ORDER BY kind", [order.id]);
    expect(rows.map((row) => row.kind)).toContain("refund");
    const mail = await until(
      () => fs.readdir(path.join(dataDir, "outbox")).catch(() => [] as string[]),
      (files) => files.some((file) => file.includes(`order-${order.number}-refund`)),
    );
    expect(mail.some((file) => file.includes(`order-${order.number}-refund`))).toBe(true);
    const { rows: slots } = await database.pool.query("SELECT held + sold <= capacity AS fits FROM time_slots WHERE id = $1", [line.slotId]);
    expect(slots[0].fits).toBe(true);
  });
});
