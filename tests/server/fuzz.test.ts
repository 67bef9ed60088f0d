import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { createCredentialUser } from "@/db/accounts";
import { request, type Answer } from "../support/http-client";
import { productionServerForThisFile } from "../support/production-server";
import { bookableSlot, placedOrder } from "./demo-museum";

// The HTTP boundary of the shipped server, fuzzed: every route of API.md (built or not yet) with
// random methods, paths, query strings, headers and bodies. Whatever a client sends, the answer is
// never a 5xx, and every refusal is in API.md's shape with the request's own id.
// FUZZ_RUNS=20000 runs longer; FUZZ_SEED=<n> replays a run (a failure prints its seed and path).
const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const SEED = Number(process.env.FUZZ_SEED ?? 20261121);

const server = productionServerForThisFile();

const ROUTES: [string, string][] = [
  ["GET", "/api/exhibitions"],
  ["GET", "/api/exhibitions/{slug}"],
  ["GET", "/api/exhibitions/{slug}/slots"],
  ["POST", "/api/exhibitions/{slug}/slots/{slotId}/waitlist"],
  ["POST", "/api/waitlist/claim"],
  ["POST", "/api/waitlist/leave"],
  ["GET", "/api/cart"],
  ["POST", "/api/cart/items"],
  ["PATCH", "/api/cart/items/{itemId}"],
  ["DELETE", "/api/cart/items/{itemId}"],
  ["POST", "/api/cart/renew"],
  ["POST", "/api/auth/sign-up/email"],
  ["POST", "/api/auth/sign-in/email"],
  ["POST", "/api/auth/sign-out"],
  ["GET", "/api/auth/get-session"],
  ["GET", "/api/me"],
  ["GET", "/api/me/orders"],
  ["POST", "/api/checkout"],
  ["GET", "/api/orders/{orderId}"],
  ["GET", "/api/orders/{orderId}/tickets.pdf"],
  ["GET", "/api/orders/{orderId}/calendar.ics"],
  ["POST", "/api/orders/lookup"],
  ["POST", "/api/payments/{provider}/webhook"],
  ["GET", "/api/tickets/public-key"],
  ["GET", "/api/events"],
  ["GET", "/api/health"],
  ["POST", "/api/locale"],
  ["GET", "/api/staff/day"],
  ["GET", "/api/staff/exhibitions"],
  ["POST", "/api/staff/exhibitions"],
  ["PATCH", "/api/staff/exhibitions/{slug}"],
  ["POST", "/api/staff/exhibitions/{slug}/ticket-types"],
  ["PATCH", "/api/staff/ticket-types/{ticketTypeId}"],
  ["GET", "/api/staff/exhibitions/{slug}/schedule"],
  ["PUT", "/api/staff/exhibitions/{slug}/schedule"],
  ["GET", "/api/staff/slots"],
  ["PATCH", "/api/staff/slots/{slotId}"],
  ["POST", "/api/staff/slots/{slotId}/cancel"],
  ["GET", "/api/staff/users"],
  ["POST", "/api/staff/users"],
  ["PATCH", "/api/staff/users/{userId}"],
  ["GET", "/api/staff/audit"],
  ["POST", "/api/staff/images"],
  ["GET", "/media/images/{name}"],
  ["GET", "/api/staff/orders"],
  ["GET", "/api/staff/orders/{orderId}"],
  ["POST", "/api/staff/orders/{orderId}/refund"],
  ["POST", "/api/staff/orders/{orderId}/move"],
  ["POST", "/api/staff/orders/{orderId}/resend"],
  ["POST", "/api/staff/sales"],
  ["GET", "/api/staff/sales/summary"],
  ["POST", "/api/staff/sales/{orderId}/email"],
  ["GET", "/api/staff/reports/sales"],
  ["GET", "/api/staff/reports/occupancy"],
  ["GET", "/api/staff/reports/funnel"],
  ["POST", "/api/checkin"],
  ["GET", "/api/checkin/offline"],
  ["POST", "/api/checkin/sync"],
  ["DELETE", "/api/checkin/{ticketId}"],
];

const FIELDS = ["slotId", "ticketTypeId", "quantity", "name", "email", "password", "phone", "items", "payment", "reason", "moveTo", "toSlotId", "ticketIds", "code", "token", "scanId", "gate", "scans", "rules", "closedDates", "capacity", "status", "price", "slug", "title", "kind", "role", "id", "type", "orderId", "amount", "locale", "next"];
const QUERY_KEYS = ["from", "to", "date", "slots", "q", "cursor", "status", "by", "key", "since", "staffDay", "exhibition", "entityType", "entityId"];

/** The ids and cookies of a real visit, so that the fuzz reaches past "not found" and "sign in first". */
type Known = { ids: string[]; slugs: string[]; cookies: string[]; key: string };

const nasty = fc.constantFrom("", " ", "..", "%", "%00", "%C0", "%E2%82", "%2F", "%5C", "\u00e9", "\u{1F3A8}", "x".repeat(3000), "-1", "0", "1e309", "null", "[]", "{}", "9999-12-31", "2026-02-30", "0000-01-01", "2026-11-21");

function arbitraries(known: Known, base: string) {
  const id = fc.oneof(fc.constantFrom(...known.ids), fc.uuid(), fc.string(), nasty);
  const segment = fc.oneof(fc.constantFrom(...known.slugs, ...known.ids, "test", "stripe", "razorpay"), fc.uuid(), fc.string({ maxLength: 40 }), nasty);
  const encoded = fc.tuple(segment, fc.boolean()).map(([value, raw]) => (raw ? value.replace(/[\s?#/]/g, "").replace(/[^\x21-\x7e]/gu, encodeURIComponent) : encodeURIComponent(value)));
  const value = fc.oneof(id, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(id, { maxLength: 3 }), fc.jsonValue({ maxDepth: 2 }));
  const shaped = fc.dictionary(fc.oneof(fc.constantFrom(...FIELDS), fc.string({ maxLength: 10 })), value, { maxKeys: 6 });
  const body = fc.oneof(
    fc.constant(undefined),
    shaped.map((object) => JSON.stringify(object)),
    fc.jsonValue().map((json) => JSON.stringify(json)),
    fc.string({ maxLength: 200 }),
    fc.constantFrom("null", "{", '{"quantity":', "[1,2", "\u0000", "a=b&c=d"),
    fc.constant(`{"name":"${"x".repeat(70_000)}"}`),
  );
  const query = fc
    .dictionary(fc.oneof(fc.constantFrom(...QUERY_KEYS), fc.string({ maxLength: 8 })), fc.oneof(id, fc.string({ maxLength: 30 })), { maxKeys: 3 })
    .map((params) => new URLSearchParams(params).toString());
  const headers = fc.record(
    {
      "content-type": fc.constantFrom("application/json", "application/json; charset=utf-8", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/xml", ""),
      origin: fc.constantFrom(base, "http://evil.example", "null", "not a url", base.replace("http:", "https:")),
      cookie: fc.constantFrom(...known.cookies, "cart=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "cart=%%%", `cart=${"x".repeat(5000)}`, "__Secure-better-auth.session_token=forged.value"),
      "idempotency-key": fc.oneof(fc.string({ maxLength: 300 }), fc.uuid()),
      accept: fc.constantFrom("application/json", "text/csv", "text/event-stream", "*/*", "text/html"),
      "x-forwarded-for": fc.constantFrom("1.2.3.4", "::1", "garbage, 10.0.0.1", ""),
    },
    { requiredKeys: [] },
  );
  const method = (declared: string) => fc.oneof({ weight: 6, arbitrary: fc.constant(declared) }, { weight: 3, arbitrary: fc.constantFrom("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD") }, { weight: 1, arbitrary: fc.constantFrom("TRACE", "PROPFIND", "FOO", "CONNECT") });

  return fc
    .constantFrom(...ROUTES)
    .chain(([declared, template]) => {
      const names = [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!);
      return fc.record({
        method: method(declared),
        // Now and then something before the route's path: an empty host (`//`), a broken one (`//[`), dot segments.
        prefix: fc.oneof({ weight: 9, arbitrary: fc.constant("") }, { weight: 1, arbitrary: fc.constantFrom("/", "//[", "//x%", "/.", "/..", "/%2e%2e") }),
        path: fc.tuple(...names.map(() => encoded)).map((values) => values.reduce((path, value, index) => path.replace(`{${names[index]}}`, value), template)),
        query,
        key: fc.boolean(),
        headers,
        body,
      });
    })
    .map(({ method, prefix, path, query, key, headers, body }) => {
      const search = [query, key ? `key=${known.key}` : ""].filter(Boolean).join("&");
      const clean = Object.fromEntries(Object.entries(headers).filter(([, value]) => value !== undefined && !/[\r\n\u0000]/.test(String(value)))) as Record<string, string>;
      const target = `${prefix}${path}`;
      return { method, target: search ? `${target}?${search}` : target, headers: clean, body: method === "GET" || method === "HEAD" ? undefined : body };
    });
}

let known: Known;
beforeAll(async () => {
  const guest = server.current.client();
  const line = await bookableSlot(guest);
  const { order, key } = await placedOrder(guest, line);
  const holder = server.current.client();
  const item = (await holder.post("/api/cart/items", { slotId: line.slotId, ticketTypeId: line.ticketTypeId, quantity: 1 })).body.cart.items[0].id;
  const visitor = server.current.client();
  await visitor.post("/api/auth/sign-up/email", { name: "Fuzz", email: "fuzz@example.org", password: "a long enough password" });
  await createCredentialUser(server.current.database.db, { email: "fuzz-staff@museum.example", name: "Staff", password: "a long enough password", role: "admin", now: new Date() });
  const staff = server.current.client();
  await staff.post("/api/auth/sign-in/email", { email: "fuzz-staff@museum.example", password: "a long enough password" });
  const jar = (client: ReturnType<typeof server.current.client>) => [...client.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  known = { ids: [line.slotId, line.ticketTypeId, order.id, item], slugs: [line.slug], cookies: [jar(holder), jar(visitor), jar(staff)], key };
  expect(known.cookies.every(Boolean)).toBe(true);
});

function checkAnswer(sent: { method: string; target: string }, answer: Answer): void {
  const where = `${sent.method} ${sent.target.slice(0, 200)} → ${answer.status} ${answer.text.slice(0, 300)}`;
  expect(answer.status, where).toBeLessThan(500);
  expect(answer.headers["x-request-id"], where).toMatch(/^[0-9a-f-]{36}$/);
  if (answer.status < 400 || sent.method === "HEAD" || !sent.target.startsWith("/api/")) return;
  expect(answer.headers["content-type"], where).toMatch(/^application\/json/);
  expect(answer.body?.error, where).toMatchObject({ code: expect.any(String), message: expect.any(String), requestId: answer.headers["x-request-id"] });
}

describe("the HTTP boundary, fuzzed", () => {
  it(`answers ${RUNS} random requests to API.md's routes without a 5xx, refusals in the error shape`, async () => {
    const base = server.current.app.url;
    await fc.assert(
      fc.asyncProperty(arbitraries(known, base), async (sent) => {
        checkAnswer(sent, await request(base, sent.method, sent.target, { headers: sent.headers, raw: sent.body, timeoutMs: 15_000 }));
      }),
      { numRuns: RUNS, seed: SEED, verbose: 1 },
    );
    const faults = server.current.app.logs().filter((line) => Number(line.level) >= 50 || line.level === "error" || line.level === "fatal");
    expect(faults).toEqual([]);
  }, 600_000);
});
