import { describe, expect, it } from "vitest";
import { createCredentialUser } from "@/db/accounts";
import { expectApiError, request } from "../support/http-client";
import { productionServerForThisFile } from "../support/production-server";
import { bookableSlot, placedOrder } from "./demo-museum";

// Issue 15, languages: on the server as `npm start` runs it, an API refusal keeps its code and status
// in every language while its message follows the request's language; the switch remembers a choice.
const server = productionServerForThisFile();
const raw = (method: string, target: string, options?: Parameters<typeof request>[3]) => request(server.current.app.url, method, target, options);
const NO_SUCH = "00000000-0000-4000-8000-000000000000";
const DEVANAGARI = /[\u0900-\u097F]/;
const KANNADA = /[\u0C80-\u0CFF]/;

describe("API error messages in the request's language", () => {
  it("answers the same bad request with the same code, status and fields, in English, Hindi and Kannada", async () => {
    const body = { slotId: "not-a-uuid", ticketTypeId: NO_SUCH, quantity: 0 };
    const answers = await Promise.all(["en-IN,en;q=0.9", "hi-IN,hi;q=0.9", "kn-IN,kn;q=0.9"].map((language) => raw("POST", "/api/cart/items", { body, headers: { "accept-language": language } })));
    for (const answer of answers) expectApiError(answer, 400, "invalid_request");
    const [en, hi, kn] = answers.map((answer) => answer.body.error);
    expect(en.message).toBe("Some fields are not valid.");
    expect(hi.message).toMatch(DEVANAGARI);
    expect(kn.message).toMatch(KANNADA);
    // The fields the body got wrong are named in every language, and their entries stay the API's.
    for (const error of [hi, kn]) {
      expect(error.message).toContain("slotId");
      expect(error.message).toContain("quantity");
      expect(error.fields).toEqual(en.fields);
    }
  });

  it("says a not-found, a wrong password and an unknown route in Hindi and Kannada with unchanged codes", async () => {
    await createCredentialUser(server.current.database.db, { email: "asha@example.org", name: "Asha", password: "a long enough password", role: "visitor", now: new Date() });
    for (const [language, script] of [["hi", DEVANAGARI], ["kn", KANNADA]] as const) {
      const headers = { "accept-language": language };
      const missing = await raw("GET", `/api/orders/${NO_SUCH}`, { headers });
      expectApiError(missing, 404, "not_found");
      expect(missing.body.error.message).toMatch(script);

      const wrong = await raw("POST", "/api/auth/sign-in/email", { body: { email: "asha@example.org", password: "not the password" }, headers });
      expectApiError(wrong, 401, "unauthenticated");
      expect(wrong.body.error.message).toMatch(script);

      const unknown = await raw("GET", "/api/no-such-route", { headers });
      expectApiError(unknown, 404, "not_found");
      expect(unknown.body.error.message).toMatch(script);
    }
  });

  it("follows the remembered choice over the browser's language", async () => {
    const answer = await raw("GET", `/api/orders/${NO_SUCH}`, { headers: { "accept-language": "hi", cookie: "locale=kn" } });
    expectApiError(answer, 404, "not_found");
    expect(answer.body.error.message).toMatch(KANNADA);
  });
});

describe("POST /api/locale, the language switch", () => {
  const base = () => server.current.app.url;
  const form = (fields: Record<string, string>, headers: Record<string, string> = {}) =>
    raw("POST", "/api/locale", { raw: new URLSearchParams(fields).toString(), headers: { "content-type": "application/x-www-form-urlencoded", origin: base(), ...headers } });

  it("remembers the choice for a year and sends the visitor back to the page, query and all", async () => {
    const answer = await form({ locale: "kn", next: "/orders/abc?key=xyz" });
    expect(answer.status).toBe(303);
    expect(answer.headers.location).toBe("/orders/abc?key=xyz");
    const cookie = String(answer.headers["set-cookie"]);
    expect(cookie).toMatch(/^locale=kn;/);
    expect(cookie).toMatch(/Max-Age=31536000/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\//);

    const page = await raw("GET", "/", { headers: { cookie: "locale=kn", "accept-language": "hi" } });
    expect(page.text).toContain('<html lang="kn"');
  });

  it("never sends the visitor off the site, whatever next says", async () => {
    for (const next of ["https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:alert(1)", ""]) {
      const answer = await form({ locale: "hi", next });
      expect(answer.status, next).toBe(303);
      expect(answer.headers.location, next).toMatch(/^\/(?!\/)/);
      expect(answer.headers.location, next).not.toContain("evil");
    }
  });

  it("refuses a language we lack, another site's form, and a body that is neither form nor JSON", async () => {
    expectApiError(await form({ locale: "fr", next: "/" }), 400, "invalid_request");
    expectApiError(await form({ locale: "hi" }, { origin: "https://evil.example" }), 403, "forbidden");
    expectApiError(await raw("POST", "/api/locale", { raw: "locale=hi", headers: { "content-type": "text/plain" } }), 415, "unsupported_media_type");
    const json = await raw("POST", "/api/locale", { body: { locale: "hi", next: "/exhibitions" } });
    expect(json.status).toBe(303);
    expect(json.headers.location).toBe("/exhibitions");
  });
});

describe("the tickets PDF from the shipped build", () => {
  it.each([
    ["hi", "NotoSansDevanagari"],
    ["kn", "NotoSansKannada"],
  ])("is written in the language the order was placed in (%s), with its Noto font embedded", async (locale, font) => {
    const client = server.current.client();
    client.cookies.set("locale", locale);
    const { order, key } = await placedOrder(client, await bookableSlot(client), 1);
    const paid = await client.send("POST", `/pay/test/${order.id}/complete`, { raw: new URLSearchParams({ key, outcome: "pay" }).toString(), headers: { "content-type": "application/x-www-form-urlencoded" } });
    expect(paid.status, paid.text).toBe(303);
    // Downloaded by someone reading in English: the PDF follows the order, not the request.
    const pdf = await raw("GET", `/api/orders/${order.id}/tickets.pdf?key=${encodeURIComponent(key)}`, { headers: { "accept-language": "en" } });
    expect(pdf.status, pdf.text.slice(0, 300)).toBe(200);
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    expect(pdf.text).toContain(font);
  });
});
