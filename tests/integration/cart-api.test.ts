import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DELETE as deleteItem, PATCH as patchItem } from "@/app/api/cart/items/[itemId]/route";
import { POST as postItem } from "@/app/api/cart/items/route";
import { POST as renew } from "@/app/api/cart/renew/route";
import { GET as getCart } from "@/app/api/cart/route";
import { databaseHandle } from "@/server/database";
import { bookableShow, slotCounts } from "../support/cart-fixtures";
import { createTestDatabase, type TestDatabase } from "../support/database";

let database: TestDatabase;
let show: Awaited<ReturnType<typeof bookableShow>>;
beforeAll(async () => {
  database = await createTestDatabase();
  databaseHandle(database);
  show = await bookableShow(database.db, new Date());
});
afterAll(() => database.drop());

type Handler = (request: Request, context: { params: Promise<any> }) => Promise<Response>; // eslint-disable-line @typescript-eslint/no-explicit-any

async function send(handler: Handler, method: string, path: string, options: { body?: unknown; raw?: string; headers?: Record<string, string>; cookie?: string; params?: object } = {}) {
  const headers: Record<string, string> = { "content-type": "application/json", ...options.headers };
  if (options.cookie) headers.cookie = options.cookie;
  const body = options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  const response = await handler(new Request(`http://localhost${path}`, { method, headers, body }), { params: Promise.resolve(options.params ?? {}) });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}

const add = (body: unknown, options: Parameters<typeof send>[3] = {}) => send(postItem, "POST", "/api/cart/items", { body, ...options });
const cookieOf = (response: { headers: Headers }) => response.headers.get("set-cookie")?.split(";")[0];
const line = (quantity = 1) => ({ slotId: show.slot.id, ticketTypeId: show.adult.id, quantity });

describe("the guest cookie", () => {
  it("is not set by reading an empty cart, which is never an error", async () => {
    const response = await send(getCart, "GET", "/api/cart");
    expect(response.status).toBe(200);
    expect(response.headers.get("set-cookie")).toBeNull();
    expect(response.body).toEqual({ cart: { id: null, items: [], total: { amount: 0, currency: "INR" }, holdExpiresAt: null, itemCount: 0 } });
  });

  it("is set on the first write: random and signed, HttpOnly, SameSite=Lax, a week, for the whole site", async () => {
    const first = await add(line());
    expect(first.status).toBe(201);
    const header = first.headers.get("set-cookie")!;
    expect(header).toMatch(/^cart=[A-Za-z0-9_-]{43}\.[A-Za-z0-9_-]{43}; Max-Age=604800; Path=\/; HttpOnly; SameSite=Lax$/);
    const second = await add(line(), { cookie: cookieOf(first) });
    expect(second.headers.get("set-cookie")).toBeNull();
    expect(second.body.cart.items[0].quantity).toBe(2);
    expect((await send(getCart, "GET", "/api/cart", { cookie: cookieOf(first) })).body.cart.id).toBe(first.body.cart.id);
  });

  it("is stored only as a hash", async () => {
    const first = await add(line());
    const token = cookieOf(first)!.split("=")[1]!;
    const { rows } = await database.pool.query("SELECT guest_token_hash FROM carts WHERE id = $1", [first.body.cart.id]);
    expect(rows[0].guest_token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0].guest_token_hash).not.toContain(token);
  });

  it("is not set when a write fails", async () => {
    const refused = await add({ ...line(), quantity: 0 });
    expect(refused.status).toBe(400);
    expect(refused.headers.get("set-cookie")).toBeNull();
  });

  it("an unknown, malformed or unsigned cookie reads as an empty cart", async () => {
    for (const cookie of ["cart=nonsense", `cart=${"A".repeat(43)}`, `cart=${"A".repeat(43)}.${"B".repeat(43)}`]) {
      const response = await send(getCart, "GET", "/api/cart", { cookie });
      expect(response.body.cart.id).toBeNull();
    }
  });
});

describe("changing a line over HTTP", () => {
  it("patches, deletes and renews the caller's own lines; another visitor's are 404", async () => {
    const first = await add(line(2));
    const cookie = cookieOf(first)!;
    const itemId = first.body.cart.items[0].id;
    const held = (await slotCounts(database.db, show.slot.id)).held;

    const patched = await send(patchItem, "PATCH", `/api/cart/items/${itemId}`, { body: { quantity: 1 }, cookie, params: { itemId } });
    expect(patched.status).toBe(200);
    expect(patched.body.cart.items[0].quantity).toBe(1);
    expect((await slotCounts(database.db, show.slot.id)).held).toBe(held - 1);

    const stranger = cookieOf(await add(line()))!;
    expect((await send(patchItem, "PATCH", `/api/cart/items/${itemId}`, { body: { quantity: 3 }, cookie: stranger, params: { itemId } })).status).toBe(404);
    expect((await send(deleteItem, "DELETE", `/api/cart/items/${itemId}`, { cookie: stranger, params: { itemId } })).status).toBe(404);

    const renewed = await send(renew, "POST", "/api/cart/renew", { cookie });
    expect(renewed.status).toBe(200);
    expect(renewed.body.cart.items[0].status).toBe("held");

    const deleted = await send(deleteItem, "DELETE", `/api/cart/items/${itemId}`, { cookie, params: { itemId } });
    expect(deleted.status).toBe(200);
    expect(deleted.body.cart.items).toEqual([]);
  });
});

describe("Idempotency-Key", () => {
  it("replays the first answer for the same key and body, changing nothing", async () => {
    const cookie = cookieOf(await add(line()))!;
    const before = (await slotCounts(database.db, show.slot.id)).held;
    const headers = { "idempotency-key": "add-two-adults-1" };
    const first = await add(line(2), { cookie, headers });
    const again = await add({ quantity: 2, ticketTypeId: show.adult.id, slotId: show.slot.id }, { cookie, headers });
    expect(again.status).toBe(first.status);
    expect(again.body).toEqual(first.body);
    expect((await slotCounts(database.db, show.slot.id)).held).toBe(before + 2);
  });

  it("answers 409 idempotency_conflict for the same key with another body", async () => {
    const cookie = cookieOf(await add(line()))!;
    const headers = { "idempotency-key": "add-once" };
    await add(line(1), { cookie, headers });
    const other = await add(line(3), { cookie, headers });
    expect(other.status).toBe(409);
    expect(other.body.error.code).toBe("idempotency_conflict");
  });

  it("applies concurrent repeats of one key once", async () => {
    const cookie = cookieOf(await add(line()))!;
    const before = (await slotCounts(database.db, show.slot.id)).held;
    const answers = await Promise.all(Array.from({ length: 8 }, () => add(line(1), { cookie, headers: { "idempotency-key": "double-click" } })));
    expect(new Set(answers.map((answer) => answer.status))).toEqual(new Set([201]));
    expect((await slotCounts(database.db, show.slot.id)).held).toBe(before + 1);
  });

  it("keeps keys of different visitors apart", async () => {
    const headers = { "idempotency-key": "same-key" };
    const a = await add(line(1), { cookie: cookieOf(await add(line()))!, headers });
    const b = await add(line(1), { cookie: cookieOf(await add(line()))!, headers });
    expect(a.body.cart.id).not.toBe(b.body.cart.id);
  });

  it("never hands one cookieless visitor the cart another created with the same key", async () => {
    const own = await bookableShow(database.db, new Date());
    const body = { slotId: own.slot.id, ticketTypeId: own.adult.id, quantity: 1 };
    const headers = { "idempotency-key": "first-add" };
    const first = await add(body, { headers });
    const second = await add(body, { headers });
    expect(second.status).toBe(201);
    expect(cookieOf(second)).toBeDefined();
    expect(cookieOf(second)).not.toBe(cookieOf(first));
    expect(second.body.cart.id).not.toBe(first.body.cart.id);
    expect(JSON.stringify(second.body)).not.toContain(first.body.cart.items[0].id);
  });

  it("keeps a cookieless visitor's key under the cart its answer created", async () => {
    const own = await bookableShow(database.db, new Date());
    const body = { slotId: own.slot.id, ticketTypeId: own.adult.id, quantity: 2 };
    const headers = { "idempotency-key": "lost-answer" };
    const first = await add(body, { headers });
    const again = await add(body, { headers, cookie: cookieOf(first) });
    expect(again.body).toEqual(first.body);
    expect(again.headers.get("set-cookie")).toBeNull();
    expect((await slotCounts(database.db, own.slot.id)).held).toBe(2);
  });
});

describe("malformed requests", () => {
  const zero = "00000000-0000-4000-8000-000000000000";
  type Case = [string, () => Parameters<typeof send>[3], number, string, string?];
  const cases: Case[] = [
    ["invalid JSON", () => ({ raw: "{not json" }), 400, "invalid_request", "body"],
    ["empty body", () => ({ raw: "" }), 400, "invalid_request", "body"],
    ["a JSON array", () => ({ body: [line()] }), 400, "invalid_request", "body"],
    ["a JSON string", () => ({ body: "slot" }), 400, "invalid_request", "body"],
    ["null", () => ({ raw: "null" }), 400, "invalid_request", "body"],
    ["no quantity", () => ({ body: { slotId: show.slot.id, ticketTypeId: show.adult.id } }), 400, "invalid_request", "quantity"],
    ["zero quantity", () => ({ body: { ...line(), quantity: 0 } }), 400, "invalid_request", "quantity"],
    ["negative quantity", () => ({ body: { ...line(), quantity: -2 } }), 400, "invalid_request", "quantity"],
    ["fractional quantity", () => ({ body: { ...line(), quantity: 1.5 } }), 400, "invalid_request", "quantity"],
    ["huge quantity", () => ({ body: { ...line(), quantity: 1e12 } }), 400, "invalid_request", "quantity"],
    ["quantity over the limit", () => ({ body: { ...line(), quantity: 11 } }), 400, "invalid_request", "quantity"],
    ["quantity as a string", () => ({ body: { ...line(), quantity: "2" } }), 400, "invalid_request", "quantity"],
    ["quantity as null", () => ({ body: { ...line(), quantity: null } }), 400, "invalid_request", "quantity"],
    ["quantity as an object", () => ({ body: { ...line(), quantity: { n: 1 } } }), 400, "invalid_request", "quantity"],
    ["slotId as a number", () => ({ body: { ...line(), slotId: 42 } }), 400, "invalid_request", "slotId"],
    ["slotId not a uuid", () => ({ body: { ...line(), slotId: "slot-1" } }), 400, "invalid_request", "slotId"],
    ["ticketTypeId missing", () => ({ body: { slotId: show.slot.id, quantity: 1 } }), 400, "invalid_request", "ticketTypeId"],
    ["an extra field", () => ({ body: { ...line(), price: 1 } }), 400, "invalid_request", "price"],
    ["SQL in an id", () => ({ body: { ...line(), slotId: "'; DROP TABLE carts; --" } }), 400, "invalid_request", "slotId"],
    ["wrong content type", () => ({ raw: JSON.stringify(line()), headers: { "content-type": "text/plain" } }), 415, "unsupported_media_type"],
    ["form content type", () => ({ raw: "quantity=1", headers: { "content-type": "application/x-www-form-urlencoded" } }), 415, "unsupported_media_type"],
    ["body over 64 KiB", () => ({ raw: JSON.stringify({ ...line(), pad: "x".repeat(70_000) }) }), 413, "payload_too_large"],
    ["cross-site origin", () => ({ body: line(), headers: { origin: "https://evil.example" } }), 403, "forbidden"],
    ["cross-site fetch", () => ({ body: line(), headers: { "sec-fetch-site": "cross-site" } }), 403, "forbidden"],
    ["null origin", () => ({ body: line(), headers: { origin: "null" } }), 403, "forbidden"],
    ["unknown slot", () => ({ body: { ...line(), slotId: zero } }), 404, "not_found"],
    ["unknown ticket type", () => ({ body: { ...line(), ticketTypeId: zero } }), 404, "not_found"],
    ["bad Idempotency-Key", () => ({ body: line(), headers: { "idempotency-key": "has spaces in it" } }), 400, "invalid_request", "Idempotency-Key"],
  ];

  it.each(cases)("%s → %i %s", async (_name, make, status, code, field) => {
    const response = await add(undefined, make());
    expect(response.status).toBe(status);
    expect(response.body.error).toMatchObject({ code, message: expect.any(String), requestId: expect.any(String) });
    if (field) expect(Object.keys(response.body.error.fields ?? {})).toContain(field);
  });

  it("unknown item ids on PATCH and DELETE are 404, whatever their shape", async () => {
    const cookie = cookieOf(await add(line()))!;
    for (const itemId of ["nope", "00000000-0000-4000-8000-000000000000", "1; DROP TABLE cart_items"]) {
      expect((await send(patchItem, "PATCH", `/api/cart/items/x`, { body: { quantity: 1 }, cookie, params: { itemId } })).status).toBe(404);
      expect((await send(deleteItem, "DELETE", `/api/cart/items/x`, { cookie, params: { itemId } })).status).toBe(404);
    }
  });

  it("a PATCH with a bad quantity is 400 naming it", async () => {
    const first = await add(line());
    const itemId = first.body.cart.items[0].id;
    const response = await send(patchItem, "PATCH", `/api/cart/items/${itemId}`, { body: { quantity: "lots" }, cookie: cookieOf(first), params: { itemId } });
    expect(response.status).toBe(400);
    expect(response.body.error.fields).toHaveProperty("quantity");
  });
});

describe("when a slot stays locked", () => {
  it("answers 503 busy with Retry-After after about 3 s, changing nothing", async () => {
    const first = await add(line());
    const cookie = cookieOf(first)!;
    const before = await slotCounts(database.db, show.slot.id);
    const blocker = await database.pool.connect();
    try {
      await blocker.query("BEGIN");
      await blocker.query("SELECT id FROM time_slots WHERE id = $1 FOR UPDATE", [show.slot.id]);
      const started = Date.now();
      const response = await add(line(2), { cookie });
      expect(Date.now() - started).toBeGreaterThanOrEqual(2_500);
      expect(response.status).toBe(503);
      expect(response.headers.get("retry-after")).toBe("1");
      expect(response.body.error.code).toBe("busy");
    } finally {
      await blocker.query("ROLLBACK");
      blocker.release();
    }
    expect(await slotCounts(database.db, show.slot.id)).toEqual(before);
    const cart = await send(getCart, "GET", "/api/cart", { cookie });
    expect(cart.body.cart.items[0].quantity).toBe(first.body.cart.items[0].quantity);
  });
});
