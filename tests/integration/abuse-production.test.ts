import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type AppProcess } from "../support/app-process";
import { bookableShow } from "../support/cart-fixtures";
import { databaseForThisFile } from "../support/database";
import { openEventStream } from "../support/event-stream";

/**
 * What one script can do to the server as `npm start` runs it: the cookies it sends, the address
 * it comes from (X-Forwarded-For, trusted here as behind a proxy) and the streams it opens.
 */
const db = databaseForThisFile();
let app: AppProcess;
let show: Awaited<ReturnType<typeof bookableShow>>;
beforeAll(async () => {
  show = await bookableShow(db.current.db, new Date(), { capacity: 5_000, slots: 3 });
  app = await startApp({ DATABASE_URL: db.current.url, TRUST_PROXY: "true", RATE_LIMIT_IP_PER_MINUTE: "40", MAX_EVENT_STREAMS_PER_ADDRESS: "2", MAX_EVENT_STREAMS: "3" });
});
afterAll(async () => {
  await app?.stop();
});

let addresses = 0;
const newAddress = () => `198.51.100.${++addresses}`;
const cookieOf = (response: Response) => response.headers.get("set-cookie")?.split(";")[0];

function send(method: string, path: string, from: string, options: { body?: unknown; cookie?: string } = {}) {
  return fetch(`${app.url}${path}`, {
    method,
    headers: { "x-forwarded-for": from, ...(options.body !== undefined && { "content-type": "application/json" }), ...(options.cookie && { cookie: options.cookie }) },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
}
const addTen = (from: string, cookie?: string, slot = show.slot) => send("POST", "/api/cart/items", from, { body: { slotId: slot.id, ticketTypeId: show.adult.id, quantity: 10 }, cookie });

async function expectRefusal(response: Response, status: number, code: string) {
  expect(response.status).toBe(status);
  expect(await response.json()).toEqual({ error: expect.objectContaining({ code, message: expect.any(String), requestId: response.headers.get("x-request-id") }) });
}

describe("holding places from one address", () => {
  it("stops a script's cookieless adds at 100 places (422 limit_exceeded), and holds another address apart", async () => {
    const from = newAddress();
    for (let i = 0; i < 10; i++) expect((await addTen(from)).status).toBe(201);
    const refused = await addTen(from);
    expect(refused.status).toBe(422);
    expect((await refused.json()).error).toMatchObject({ code: "limit_exceeded", limit: 100, message: expect.stringContaining("box office") });
    expect((await addTen(newAddress())).status).toBe(201);
  });

  it("gives a self-made or forged cart cookie no cart of its own: it is a new visitor, counted with its address", async () => {
    const from = newAddress();
    const madeUp = `cart=${randomBytes(32).toString("base64url")}`;
    const issued = cookieOf(await addTen(from))!;
    const forged = `${issued.slice(0, issued.indexOf(".") + 1)}${randomBytes(32).toString("base64url")}`;
    for (const cookie of [madeUp, forged]) {
      expect((await (await send("GET", "/api/cart", from, { cookie })).json()).cart.id).toBeNull();
      const added = await addTen(from, cookie);
      expect(added.status).toBe(201);
      expect(cookieOf(added)).toMatch(/^cart=[A-Za-z0-9_-]{43}\.[A-Za-z0-9_-]{43}$/);
      expect(cookieOf(added)).not.toBe(cookie);
    }
    expect((await (await send("GET", "/api/cart", from, { cookie: issued })).json()).cart.itemCount).toBe(10);
    for (let i = 0; i < 7; i++) expect((await addTen(from, `cart=${randomBytes(32).toString("base64url")}`)).status).toBe(201);
    await expectRefusal(await addTen(from, `cart=${randomBytes(32).toString("base64url")}`), 422, "limit_exceeded");
  });

  it("lets no two adds from one address at once both pass the cap", async () => {
    const from = newAddress();
    const answers = await Promise.all(Array.from({ length: 20 }, () => addTen(from)));
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses).toEqual([...Array(10).fill(201), ...Array(10).fill(422)]);
  });

  it("counts an IPv6 client by its /64", async () => {
    for (let i = 1; i <= 10; i++) expect((await addTen(`2001:db8:abcd:12::${i.toString(16)}`)).status).toBe(201);
    await expectRefusal(await addTen("2001:db8:abcd:12:ffff:ffff:ffff:ffff"), 422, "limit_exceeded");
    expect((await addTen("2001:db8:abcd:13::1")).status).toBe(201);
  });

  it("lets a signed-in visitor's address hold more than a guest's", async () => {
    const from = newAddress();
    for (let i = 0; i < 10; i++) expect((await addTen(from)).status).toBe(201);
    await expectRefusal(await addTen(from), 422, "limit_exceeded");
    const signedUp = await send("POST", "/api/auth/sign-up/email", from, { body: { name: "Teacher", email: `teacher-${randomBytes(4).toString("hex")}@example.org`, password: "a long enough password" } });
    expect(signedUp.status).toBe(200);
    const session = signedUp.headers.getSetCookie().find((cookie) => cookie.includes("session_token="))!.split(";")[0]!;
    expect((await addTen(from, session, show.slots[1])).status).toBe(201);
  });
});

describe("cart writes", () => {
  it("are counted per address as well as per cart, so carts with a cookie cannot escape the count", async () => {
    const from = newAddress();
    const cookie = cookieOf(await addTen(from))!;
    for (let i = 1; i < 40; i++) expect((await send("POST", "/api/cart/renew", from, { cookie })).status).toBe(200);
    const limited = await send("POST", "/api/cart/renew", from, { cookie });
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    await expectRefusal(limited, 429, "rate_limited");
  });
});

describe("GET /api/events", () => {
  const events = (from: string) => openEventStream(`${app.url}/api/events?slots=${show.slot.id}`, { "x-forwarded-for": from });

  it("caps the streams of one address (429) and of the process (503), each with Retry-After, and counts a closed stream no more", async () => {
    const [a, b] = [newAddress(), newAddress()];
    const open = [await events(a), await events(a)];
    expect(open.map((stream) => stream.response.status)).toEqual([200, 200]);
    const third = await fetch(`${app.url}/api/events`, { headers: { "x-forwarded-for": a } });
    expect(Number(third.headers.get("retry-after"))).toBeGreaterThan(0);
    await expectRefusal(third, 429, "rate_limited");

    open.push(await events(b));
    const full = await fetch(`${app.url}/api/events`, { headers: { "x-forwarded-for": newAddress() } });
    expect(Number(full.headers.get("retry-after"))).toBeGreaterThan(0);
    await expectRefusal(full, 503, "busy");

    await open.shift()!.close();
    await expect.poll(async () => {
      const again = await events(a);
      if (again.response.status === 200) open.push(again);
      else await again.close();
      return again.response.status;
    }, { timeout: 5_000, interval: 200 }).toBe(200);
    await Promise.all(open.map((stream) => stream.close()));
  });
});
