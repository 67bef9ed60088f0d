import { describe, expect, it } from "vitest";
import { createCredentialUser } from "@/db/accounts";
import { testProvider, TEST_SIGNATURE_HEADER } from "@/server/payments/test-provider";
import { expectApiError, request } from "../support/http-client";
import { productionServerForThisFile, SERVER_AUTH_SECRET } from "../support/production-server";
import { bookableSlot } from "./demo-museum";

// Each case here answered 500 from the server as `npm start` runs it (issue 10).
const server = productionServerForThisFile();
const raw = (method: string, target: string, options?: Parameters<typeof request>[3]) => request(server.current.app.url, method, target, options);
const NO_SUCH = "00000000-0000-4000-8000-000000000000";

describe("a visitor's malformed request on the shipped server", () => {
  it("a day far outside any visit is a 400 naming the field, for the slot list and the staff day", async () => {
    const client = server.current.client();
    const { slug } = await bookableSlot(client);
    const slots = await client.get(`/api/exhibitions/${slug}/slots?from=9999-12-31`);
    expectApiError(slots, 400, "invalid_request");
    expect(slots.body.error.fields.from).toMatch(/between 2000 and 2999/);

    await createCredentialUser(server.current.database.db, { email: "desk@museum.example", name: "Desk", password: "a long enough password", role: "staff", now: new Date() });
    expect((await client.post("/api/auth/sign-in/email", { email: "desk@museum.example", password: "a long enough password" })).status).toBe(200);
    expectApiError(await client.get("/api/staff/day?date=9999-12-31"), 400, "invalid_request");
    expect((await client.get("/api/staff/day")).status).toBe(200);
  });

  it("a path with a NUL or a broken %-escape is a 400 in the API's shape", async () => {
    expectApiError(await raw("GET", "/api/exhibitions/%00"), 400, "invalid_request");
    expectApiError(await raw("GET", "/api/exhibitions/%C0"), 400, "invalid_request");
  });

  it("a path no URL can be made of is a 400, and the server lives on", async () => {
    for (const target of ["//[", "//a%20b/", "//:99999/x", "//ex%ample/api/cart"]) expectApiError(await raw("GET", target), 400, "invalid_request");
    expect((await raw("GET", "/api/health")).status).toBe(200);
  });

  it("a Host header that is no host is a 400, on the direct add-to-cart path too", async () => {
    expectApiError(await raw("POST", "/api/cart/items", { headers: { host: "[" }, body: {} }), 400, "invalid_request");
    expectApiError(await raw("GET", "/api/cart", { headers: { host: "[" } }), 400, "invalid_request");
  });

  it("better-auth's redirecting endpoints are not part of the API: 404", async () => {
    expectApiError(await raw("GET", "/api/auth/error"), 404, "not_found");
    expectApiError(await raw("GET", "/api/auth/callback/github"), 404, "not_found");
  });

  it("a method no route serves is 405 with Allow and the error shape", async () => {
    const trace = await raw("TRACE", "/api/cart");
    expectApiError(trace, 405, "method_not_allowed");
    expect(trace.headers.allow).toContain("GET");
    const put = await raw("PUT", "/api/cart", { body: {} });
    expectApiError(put, 405, "method_not_allowed");
    expect(put.headers.allow).toContain("GET");
  });

  it("an unknown slot is 404 whichever router serves the add", async () => {
    const body = { slotId: NO_SUCH, ticketTypeId: NO_SUCH, quantity: 1 };
    for (const target of ["/api/cart/items", "/api/cart/items#x", "/api/cart/items?x=1"]) {
      expectApiError(await raw("POST", target, { body }), 404, "not_found");
    }
  });

  it("a correctly signed webhook whose body is null, or names no event, is 400", async () => {
    const key = testProvider(SERVER_AUTH_SECRET);
    for (const body of ["null", "{}", "[]", '"x"', '{"id":"evt_1","type":"payment.succeeded","orderId":"not-an-id","amount":"lots"}', `{"id":"evt_2","type":"payment.succeeded","orderId":"${NO_SUCH}","amount":99999999999,"currency":"INR"}`]) {
      const { signature } = key.signedBody(body);
      expectApiError(await raw("POST", "/api/payments/test/webhook", { raw: body, headers: { "content-type": "application/json", [TEST_SIGNATURE_HEADER]: signature } }), 400, "invalid_request");
    }
  });
});

