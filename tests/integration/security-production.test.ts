import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freeLoopbackPort } from "@/db/embedded/free-port";
import { launchApp, type AppProcess } from "../support/app-process";
import { createTestDatabase, type TestDatabase } from "../support/database";

const AUTH_SECRET = "production-test-secret-0123456789abcdef";
const METRICS_TOKEN = "metrics-token-for-tests-0123456789";
const PASSWORD = "a long enough password";
// Lowered from the defaults (60 and 50) so the tests reach them quickly.
const PER_ADDRESS = 20;
const PER_ACCOUNT = 12;

let database: TestDatabase;
let app: AppProcess;
let site: string;
beforeAll(async () => {
  database = await createTestDatabase();
  const port = await freeLoopbackPort();
  // Served as if behind one TLS-terminating proxy: PUBLIC_URL is https, X-Forwarded-For carries the client.
  site = `https://127.0.0.1:${port}`;
  app = launchApp(
    {
      APP_ENV: "production",
      ALLOW_TEST_PAYMENTS: "true",
      AUTH_SECRET,
      DATABASE_URL: database.url,
      DATA_DIR: ".tmp/security-production",
      PUBLIC_URL: site,
      TRUST_PROXY: "1",
      METRICS_TOKEN,
      RATE_LIMIT_SIGNIN_IP_PER_MINUTE: String(PER_ADDRESS),
      RATE_LIMIT_SIGNIN_ACCOUNT_PER_MINUTE: String(PER_ACCOUNT),
    },
    port,
  );
  await app.waitForLine((line) => line.includes("Serving on http://"));
});
afterAll(async () => {
  await app?.stop();
  await database?.drop();
});

let counter = 0;
const freshEmail = () => `security-${Date.now()}-${counter++}@example.org`;
let addresses = 0;
/** A client address of its own, as the proxy reports it: the right-most X-Forwarded-For entry. */
const freshAddress = () => `203.0.113.${++addresses}`;
/** Headers for a request from `address`, with a left-most entry the client made up, different every time. */
const from = (address: string, headers: Record<string, string> = {}) => ({ "x-forwarded-for": `198.51.100.${++counter % 250}, ${address}`, ...headers });

type Answer = { status: number; headers: Headers; body: Record<string, unknown> & { error?: { code: string; fields?: Record<string, string> } }; text: string };
async function send(method: string, pathname: string, options: { address?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<Answer> {
  const headers = from(options.address ?? freshAddress(), { ...(options.body !== undefined && { "content-type": "application/json" }), ...options.headers });
  const response = await fetch(`${app.url}${pathname}`, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body), redirect: "manual" });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, body: text.startsWith("{") || text.startsWith("[") ? JSON.parse(text) : {} };
}

const signUp = (email: string, address?: string) => send("POST", "/api/auth/sign-up/email", { address, body: { name: "Asha Rao", email, password: PASSWORD } });
const signIn = (email: string, password: string, address: string) => send("POST", "/api/auth/sign-in/email", { address, body: { email, password } });
const sessionOf = (answer: Answer) => answer.headers.getSetCookie().find((cookie) => cookie.startsWith("__Secure-better-auth.session_token="))!.split(";")[0]!;

/** An account, and the cookie of a session on it. */
async function account() {
  const email = freshEmail();
  const answer = await signUp(email);
  expect(answer.status).toBe(200);
  return { email, cookie: sessionOf(answer) };
}

describe("start-up in production", () => {
  it.each<Record<string, string>>([{}, { PAYMENT_PROVIDER: "test" }])("refuses the free test payment provider unless ALLOW_TEST_PAYMENTS=true: %o", async (env) => {
    const refused = launchApp({ APP_ENV: "production", AUTH_SECRET, DATABASE_URL: "postgres://nobody@127.0.0.1:1/none", ...env }, await freeLoopbackPort());
    expect(await refused.exited).toBe(1);
    expect(refused.lines.filter(Boolean)).toEqual([expect.stringMatching(/^Invalid configuration: PAYMENT_PROVIDER must be razorpay or stripe when APP_ENV=production.*ALLOW_TEST_PAYMENTS=true/)]);
  });
});

describe("every answer", () => {
  it("carries the security headers, HSTS included on an https site in production", async () => {
    const page = await send("GET", "/");
    const script = /\/_next\/static\/[^"]+\.js/.exec(page.text)![0];
    const answers = [
      page,
      await send("GET", script),
      await send("GET", "/api/health"),
      await send("GET", "/exhibitions/no-such-exhibition"),
      await send("POST", "/api/cart/items", { body: {}, headers: { "content-type": "text/plain" } }),
      await send("POST", "/api/no/such/route"),
    ];
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 404, 415, 404]);
    for (const answer of answers) {
      expect(answer.headers.get("content-security-policy")).toBe("frame-ancestors 'none'");
      expect(answer.headers.get("x-frame-options")).toBe("DENY");
      expect(answer.headers.get("x-content-type-options")).toBe("nosniff");
      expect(answer.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
      expect(answer.headers.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
    }
  });
});

describe("the Origin check", () => {
  it("compares the scheme too: a page on http:// is another site than the https:// one", async () => {
    const exhibition = (await send("GET", "/api/exhibitions/chola-bronzes")).body.exhibition as { ticketTypes: { id: string }[] };
    const slots = (await send("GET", "/api/exhibitions/chola-bronzes/slots")).body.slots as { id: string; status: string }[];
    const body = { slotId: slots.find((slot) => slot.status !== "closed")!.id, ticketTypeId: exhibition.ticketTypes[0]!.id, quantity: 1 };
    const plain = await send("POST", "/api/cart/items", { body, headers: { origin: site.replace("https:", "http:") } });
    expect(plain.status).toBe(403);
    expect(plain.body.error?.code).toBe("forbidden");
    expect((await send("POST", "/api/auth/sign-up/email", { body: { name: "A", email: freshEmail(), password: PASSWORD }, headers: { origin: site.replace("https:", "http:") } })).status).toBe(403);
    expect((await send("POST", "/api/cart/items", { body, headers: { origin: site } })).status).toBe(201);
  });
});

describe("after signing in", () => {
  it.each(["%2F%09%2Fevil.example%2Fx", "%2F%5Cevil.example%2Fx", "%2F%09%5Cevil.example%2Fx", "%5C%5Cevil.example", "%2F%0A%2Fevil.example%2Fx", "%2F.%2F%2Fevil.example%2Fx"])(
    "goes nowhere but this site: next=%s",
    async (next) => {
      const { cookie } = await account();
      const answer = await send("GET", `/sign-in?next=${next}`, { headers: { cookie } });
      expect(answer.status).toBe(307);
      const location = answer.headers.get("location")!;
      expect(location).toMatch(/^\/(?![/\\])/);
      expect(new URL(location, site).origin).toBe(site);
    },
  );

  it("goes on to a path of this site", async () => {
    const { cookie } = await account();
    const answer = await send("GET", `/sign-in?next=${encodeURIComponent("/exhibitions?x=1")}`, { headers: { cookie } });
    expect(answer.headers.get("location")).toBe("/exhibitions?x=1");
  });
});

describe("session tokens", () => {
  it("appear in no answer's body: get-session, list-sessions, change-password", async () => {
    const { email, cookie } = await account();
    const token = decodeURIComponent(cookie.split("=")[1]!).split(".")[0]!;
    const session = await send("GET", "/api/auth/get-session", { headers: { cookie } });
    expect(session.status).toBe(200);
    expect(session.body).toMatchObject({ user: { email }, session: { userId: expect.any(String) } });
    const sessions = await send("GET", "/api/auth/list-sessions", { headers: { cookie } });
    expect(sessions.status).toBe(200);
    expect(sessions.body).toHaveLength(1);
    const changed = await send("POST", "/api/auth/change-password", { headers: { cookie }, body: { currentPassword: PASSWORD, newPassword: "another long password", revokeOtherSessions: true } });
    expect(changed.status).toBe(200);
    for (const answer of [session, sessions, changed]) {
      expect(answer.text).not.toContain(token);
      expect(answer.text).not.toContain('"token"');
      expect(answer.headers.get("cache-control")).toBe("no-store");
    }
    const renewed = sessionOf(changed);
    expect(renewed).not.toBe(cookie);
    expect(changed.text).not.toContain(decodeURIComponent(renewed.split("=")[1]!).split(".")[0]!);
  });
});

describe("guessing passwords", () => {
  it("counts the client address the proxy reports (the right-most X-Forwarded-For entry), not the ones the client writes", async () => {
    const address = freshAddress();
    const statuses = [];
    for (let attempt = 0; attempt <= PER_ADDRESS; attempt++) statuses.push((await signIn(freshEmail(), "password guess", address)).status);
    expect(statuses.slice(0, PER_ADDRESS).every((status) => status === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    expect((await signIn(freshEmail(), "password guess", freshAddress())).status).toBe(401);
  });

  it("locks a stranger out of an account, never its owner, who signs in from an address of their own", async () => {
    const { email } = await account();
    const stranger = freshAddress();
    const statuses = [];
    for (let attempt = 0; attempt < 6; attempt++) statuses.push((await signIn(email, `guess ${attempt}`, stranger)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    const refused = await signIn(email, PASSWORD, stranger);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await signIn(email, PASSWORD, freshAddress())).status).toBe(200);
  });

  it("stops failures from many addresses against one account at the account's ceiling", async () => {
    const { email } = await account();
    const statuses = [];
    for (let attempt = 0; attempt < PER_ACCOUNT; attempt++) statuses.push((await signIn(email, `guess ${attempt}`, freshAddress())).status);
    expect(statuses).toEqual(Array(PER_ACCOUNT).fill(401));
    expect((await signIn(email, "one more guess", freshAddress())).status).toBe(429);
  });

  it("through change-password with a signed-in session is limited like signing in", async () => {
    const { cookie } = await account();
    const address = freshAddress();
    const change = (currentPassword: string, at = address) => send("POST", "/api/auth/change-password", { address: at, headers: { cookie }, body: { currentPassword, newPassword: "another long password" } });
    const statuses = [];
    for (let attempt = 0; attempt < 6; attempt++) statuses.push((await change(`guess ${attempt}`)).status);
    expect(statuses).toEqual([400, 400, 400, 400, 400, 429]);
    const refused = await change(PASSWORD);
    expect(refused.status).toBe(429);
    expect(refused.body.error?.code).toBe("rate_limited");
    expect((await change(PASSWORD, freshAddress())).status).toBe(200);
  });
});

describe("update-user", () => {
  it("refuses a name longer than sign-up allows, and fields it does not know, with 400 and fields", async () => {
    const { cookie } = await account();
    const long = await send("POST", "/api/auth/update-user", { headers: { cookie }, body: { name: "x".repeat(60_000) } });
    expect(long.status).toBe(400);
    expect(long.body.error).toMatchObject({ code: "invalid_request", fields: { name: "must be at most 100 characters" } });
    const image = await send("POST", "/api/auth/update-user", { headers: { cookie }, body: { name: "Asha", image: "https://tracker.example/pixel.gif" } });
    expect(image.status).toBe(400);
    expect(image.body.error?.fields).toEqual({ image: "is not a known field" });
    expect((await send("POST", "/api/auth/update-user", { headers: { cookie }, body: { name: "Asha R." } })).status).toBe(200);
    expect((await send("GET", "/api/me", { headers: { cookie } })).body.user).toMatchObject({ name: "Asha R." });
  });
});

describe("/metrics", () => {
  it("answers only with the METRICS_TOKEN", async () => {
    const none = await send("GET", "/metrics");
    expect(none.status).toBe(401);
    expect(none.body.error?.code).toBe("unauthenticated");
    expect(none.headers.get("www-authenticate")).toContain("Bearer");
    expect((await send("GET", "/metrics", { headers: { authorization: `Bearer ${METRICS_TOKEN}x` } })).status).toBe(401);
    const scraped = await send("GET", "/metrics", { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(scraped.status).toBe(200);
    expect(scraped.text).toContain("http_requests_total");
  });
});
