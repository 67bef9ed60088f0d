import fs from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { testProvider, TEST_SIGNATURE_HEADER } from "@/server/payments/test-provider";
import { expectApiError } from "../support/http-client";
import { decodedMail } from "../support/mail-decode";
import { productionServerForThisFile, SERVER_AUTH_SECRET } from "../support/production-server";
import { bookableSlot } from "./demo-museum";

const MAILS_PER_EMAIL = 2;
const LOOKUPS_PER_ADDRESS = 4;
const server = productionServerForThisFile({ TRUST_PROXY: "true", LOOKUP_MAILS_PER_EMAIL_PER_HOUR: String(MAILS_PER_EMAIL), RATE_LIMIT_LOOKUP_IP_PER_HOUR: String(LOOKUPS_PER_ADDRESS) });
type Client = ReturnType<typeof server.current.client>;

let addresses = 0;
/** A client address of its own, so each test's look-ups count against no other test's. */
const newAddress = () => `203.0.113.${++addresses}`;

type Slot = { id: string; startsAt: string; endsAt: string; available: number; status: string };
const slotsOf = async (client: Client, slug: string) => (await client.get(`/api/exhibitions/${slug}/slots`)).body.slots as Slot[];

/** A guest's paid order, placed in the language `acceptLanguage` asks for; with `laterSlot`, a ticket for the next slot with room too. */
async function paidOrder(client: Client, email: string, acceptLanguage = "en", laterSlot = false) {
  const line = await bookableSlot(client);
  const headers = { "accept-language": acceptLanguage, "x-forwarded-for": newAddress() };
  expect((await client.post("/api/cart/items", { slotId: line.slotId, ticketTypeId: line.ticketTypeId, quantity: 2 }, { headers })).status).toBe(201);
  const slots = await slotsOf(client, line.slug);
  const first = slots.find((slot) => slot.id === line.slotId)!;
  const later = laterSlot ? slots.find((slot) => slot.startsAt > first.startsAt && slot.available > 0 && slot.status !== "closed") : undefined;
  if (later) expect((await client.post("/api/cart/items", { slotId: later.id, ticketTypeId: line.ticketTypeId, quantity: 1 }, { headers })).status).toBe(201);
  const answer = await client.post("/api/checkout", { name: "Asha Rao", email }, { headers });
  expect(answer.status, answer.text).toBe(201);
  const order = answer.body.order as { id: string; number: string; total: { amount: number } };
  const signed = testProvider(SERVER_AUTH_SECRET).signedEvent("pay", { id: order.id, totalMinor: order.total.amount, currency: "INR" });
  expect((await client.send("POST", "/api/payments/test/webhook", { raw: signed.body, headers: { "content-type": "application/json", [TEST_SIGNATURE_HEADER]: signed.signature } })).status).toBe(200);
  return { order, key: new URL(answer.body.payment.redirectUrl, "http://x").searchParams.get("key")!, first, later };
}

const outboxDir = () => path.join(server.current.dataDir, "outbox");
/** The texts of the mails written so far whose file names start so. */
async function mailsStartingWith(prefix: string): Promise<string[]> {
  const names = (await fs.readdir(outboxDir()).catch(() => [] as string[])).filter((name) => name.startsWith(prefix));
  return Promise.all(names.map(async (name) => decodedMail(await fs.readFile(path.join(outboxDir(), name), "latin1"))));
}
/** Waits until the outbox has no job left to do (5 s at most). */
async function outboxDrained(): Promise<void> {
  for (let i = 0; i < 50; i++) {
    const { rows } = await server.current.database.db.execute<{ left: number }>("SELECT count(*)::int AS left FROM outbox WHERE done_at IS NULL AND dead_at IS NULL");
    if (rows[0]!.left === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("the outbox did not drain");
}
const lookupMailsTo = async (email: string) => (await mailsStartingWith("order-lookup-")).filter((mail) => mail.includes(`To: ${email}`));
const lookup = (client: Client, email: unknown, from = newAddress(), language = "en") => client.post("/api/orders/lookup", { email }, { headers: { "x-forwarded-for": from, "accept-language": language } });

describe("find my booking on the shipped server", () => {
  it("answers a known and an unknown address alike (202, one body), and mails the known one links that open its orders", async () => {
    const client = server.current.client();
    const { order } = await paidOrder(client, "meera@example.org");
    const known = await lookup(server.current.client(), "  Meera@Example.org ");
    const unknown = await lookup(server.current.client(), "nobody-ever-booked@example.org");
    expect([known.status, unknown.status]).toEqual([202, 202]);
    expect(known.text).toBe(unknown.text);
    expect(known.headers["content-type"]).toBe(unknown.headers["content-type"]);

    await outboxDrained();
    expect(await lookupMailsTo("nobody-ever-booked@example.org")).toEqual([]);
    const [mail] = await lookupMailsTo("meera@example.org");
    expect(mail).toContain(`Order ${order.number}`);
    const url = mail!.match(/https?:\/\/\S+\/orders\/[0-9a-f-]{36}\?key=[\w-]+/)![0];
    const opened = new URL(url);
    // The link opens the order by the order access rule: as a stranger with no session, only the key.
    const read = await server.current.client().get(`/api/orders/${opened.pathname.split("/")[2]}?key=${opened.searchParams.get("key")}`);
    expect(read.status, read.text).toBe(200);
    expect(read.body.order.number).toBe(order.number);
    // Nothing of the request is kept once it is mailed.
    const { rows } = await server.current.database.db.execute<{ left: number }>("SELECT count(*)::int AS left FROM order_lookups");
    expect(rows[0]!.left).toBe(0);
  });

  it("writes the mail in the language the visitor asked in", async () => {
    await paidOrder(server.current.client(), "kavya@example.org");
    expect((await lookup(server.current.client(), "kavya@example.org", newAddress(), "kn")).status).toBe(202);
    await outboxDrained();
    const [mail] = await lookupMailsTo("kavya@example.org");
    expect(mail).toMatch(/ಆರ್ಡರ್ \d+/);
  });

  it("mails one inbox at most LOOKUP_MAILS_PER_EMAIL_PER_HOUR times, however many addresses ask, and still answers each 202", async () => {
    await paidOrder(server.current.client(), "target@example.org");
    for (let i = 0; i < 6; i++) expect((await lookup(server.current.client(), "target@example.org")).status).toBe(202);
    await outboxDrained();
    expect(await lookupMailsTo("target@example.org")).toHaveLength(MAILS_PER_EMAIL);
  });

  it("refuses one address's look-ups beyond RATE_LIMIT_LOOKUP_IP_PER_HOUR with 429 and Retry-After, whatever addresses it asks about", async () => {
    const from = newAddress();
    for (let i = 0; i < LOOKUPS_PER_ADDRESS; i++) expect((await lookup(server.current.client(), `someone-${i}@example.org`, from)).status).toBe(202);
    const refused = await lookup(server.current.client(), "someone-else@example.org", from);
    expectApiError(refused, 429, "rate_limited");
    expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0);
  });

  it("answers a body that is no e-mail address with 400 naming the field", async () => {
    for (const email of ["", "not-an-address", 42, null, "a@b"]) {
      const answer = await lookup(server.current.client(), email);
      expectApiError(answer, 400, "invalid_request");
      expect(answer.body.error.fields.email).toEqual(expect.any(String));
    }
  });
});

describe("order mails in the buyer's language", () => {
  it("an order placed with Accept-Language: hi gets its confirmation in Hindi, with the visit's information and calendar link", async () => {
    const { order, key } = await paidOrder(server.current.client(), "ravi@example.org", "hi-IN,hi;q=0.9,en;q=0.5");
    await outboxDrained();
    const [mail] = await mailsStartingWith(`order-${order.number}-confirmation`);
    expect(mail).toContain(`आपके टिकट, ऑर्डर ${order.number}`);
    expect(mail).toContain("प्रिय Asha Rao,");
    expect(mail).toContain("कुल भुगतान: ₹");
    expect(mail).toContain("प्रवेश");
    expect(mail).toContain(`/api/orders/${order.id}/calendar.ics?key=${key}`);
    expect(mail).toContain("/find-booking");
  });
});

/** The content lines of an iCalendar text, unfolded (RFC 5545 3.1), and its events' properties. */
function parseICalendar(text: string) {
  expect(text).toMatch(/\r\n$/);
  for (const line of text.split("\r\n")) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
  const lines = text.replace(/\r\n /g, "").split("\r\n").filter(Boolean);
  const events: Record<string, string>[] = [];
  let current: Record<string, string> | undefined;
  for (const line of lines) {
    if (line === "BEGIN:VEVENT") events.push((current = {}));
    else if (line === "END:VEVENT") current = undefined;
    else if (current) current[line.slice(0, line.indexOf(":"))] = line.slice(line.indexOf(":") + 1);
  }
  return { lines, events };
}
const unescape = (value: string) => value.replace(/\\n/g, "\n").replace(/\\([,;\\])/g, "$1");

describe("GET /api/orders/{id}/calendar.ics", () => {
  it("is the visit as one event per slot, at the slots' UTC times, with stable UIDs, the address and the entry window", async () => {
    const { order, key, first, later } = await paidOrder(server.current.client(), "cal@example.org", "en", true);
    const answer = await server.current.client().get(`/api/orders/${order.id}/calendar.ics?key=${key}`);
    expect(answer.status, answer.text).toBe(200);
    expect(answer.headers["content-type"]).toBe("text/calendar; charset=utf-8");
    const { lines, events } = parseICalendar(answer.text);
    expect(lines[0]).toBe("BEGIN:VCALENDAR");
    expect(lines).toContain("VERSION:2.0");
    const utc = (iso: string) => new Date(iso).toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
    // Two tickets for the first slot, one for the later: one event each slot.
    expect(events.map((event) => [event.DTSTART, event.DTEND, event.UID])).toEqual(
      [first, later!].map((slot) => [utc(slot.startsAt), utc(slot.endsAt), expect.stringMatching(new RegExp(`^order-${order.id}-slot-${slot.id}@`))]),
    );
    expect(unescape(events[0]!.LOCATION!)).toContain("Kasturba Road, Bengaluru");
    expect(unescape(events[0]!.DESCRIPTION!)).toMatch(/entry from \d\d:\d\d to \d\d:\d\d/);
    const again = parseICalendar((await server.current.client().get(`/api/orders/${order.id}/calendar.ics?key=${key}`)).text);
    expect(again.events.map((event) => event.UID)).toEqual(events.map((event) => event.UID));
  });

  it("follows the order's access rule: 404 without the key, with another order's key, or to another signed-in visitor", async () => {
    const first = await paidOrder(server.current.client(), "one@example.org");
    const second = await paidOrder(server.current.client(), "two@example.org");
    expectApiError(await server.current.client().get(`/api/orders/${first.order.id}/calendar.ics`), 404, "not_found");
    expectApiError(await server.current.client().get(`/api/orders/${first.order.id}/calendar.ics?key=${second.key}`), 404, "not_found");
    const stranger = server.current.client();
    expect((await stranger.post("/api/auth/sign-up/email", { name: "Stranger", email: "stranger@example.org", password: "a long enough password" })).status).toBe(200);
    expectApiError(await stranger.get(`/api/orders/${first.order.id}/calendar.ics`), 404, "not_found");
    expectApiError(await server.current.client().get("/api/orders/not-an-id/calendar.ics"), 404, "not_found");
  });
});
