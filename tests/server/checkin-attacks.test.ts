import { sign } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { orders, tickets } from "@/db/schema";
import { ticketKeys } from "@/domain/tickets/ticket-token";
import { doorTickets, tokenOf } from "../support/door-fixtures";
import { expectApiError, type Answer } from "../support/http-client";
import { productionServerForThisFile, SERVER_AUTH_SECRET } from "../support/production-server";
import { signedInStaff } from "../support/staff-fixtures";

// What a script holding a door (or staff) session can send the door's routes: never a 500.
const server = productionServerForThisFile();
const db = () => server.current.database.db;
const door = () => signedInStaff(server.current, "door");
const token = (ticket: { claims: Parameters<typeof tokenOf>[0] }) => tokenOf(ticket.claims, SERVER_AUTH_SECRET);
/** Bytes signed with the server's own key: what a leaked key, or a bug in signing, could put in a QR code. */
const signedBytes = (text: string) => `${Buffer.from(text).toString("base64url")}.${sign(null, Buffer.from(text), ticketKeys(SERVER_AUTH_SECRET).privateKey).toString("base64url")}`;
const notFault = (answer: Answer) => expect(answer.status, answer.text).toBeLessThan(500);
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

describe("the door's routes under a script", () => {
  it("answers a signed payload that is not a ticket's claims as not found (404, sync: unknown), never 500", async () => {
    const { tickets: [ticket] } = await doorTickets(db(), 1);
    const client = await door();
    const payloads = ["not json", "null", "42", "[]", "{}", JSON.stringify({ ...ticket!.claims, code: { toUpperCase: 1 } }), JSON.stringify({ ...ticket!.claims, code: 7 })];
    for (const [index, payload] of payloads.entries()) {
      expectApiError(await client.post("/api/checkin", { token: signedBytes(payload) }), 404, "not_found");
      expectApiError(await client.post("/api/checkin", { code: signedBytes(payload) }), 404, "not_found");
      const uploaded = await client.post("/api/checkin/sync", { scans: [{ scanId: `odd-claims-${index}`, token: signedBytes(payload), at: minutesAgo(1) }] });
      expect(uploaded.status, uploaded.text).toBe(200);
      expect(uploaded.body.results).toEqual([{ scanId: `odd-claims-${index}`, result: "unknown" }]);
    }
    const [still] = await db().select({ status: tickets.status }).from(tickets).where(eq(tickets.id, ticket!.id));
    expect(still!.status).toBe("valid");
  });

  it("answers odd text, odd unicode and tokens that are not base64 as not found, and a token too long as 400", async () => {
    const client = await door();
    const odd = ["ＡＢＣＤ-ＥＦＧＨ-ＪＫＭＮ-ＰＱＲＳ", "ıııı-ıııı-ıııı-ıııı", "\u{1F600}".repeat(16), "\ud800\udfff\ud800", "\u202eABCD-EFGH-JKMN-PQRS", "%%%.%%%", "..", "a.b", "é.é", " . ", "ABCD-EFGH-JKMN-PQRS".repeat(10)];
    for (const code of odd) {
      expectApiError(await client.post("/api/checkin", { code }), 404, "not_found");
      expectApiError(await client.post("/api/checkin", { token: code }), 404, "not_found");
    }
    expectApiError(await client.post("/api/checkin", { token: `${"a".repeat(3000)}.${"b".repeat(100)}` }), 400, "invalid_request");
    expectApiError(await client.post("/api/checkin", { code: { code: "ABCD" } }), 400, "invalid_request");
    expectApiError(await client.post("/api/checkin", { token: ["a.b"] }), 400, "invalid_request");
    for (const raw of ["", "not json", "[]", "null", '{"code":', '{"scans":"all"}']) {
      const answer = await client.send("POST", "/api/checkin", { raw, headers: { "content-type": "application/json" } });
      expect([400, 415], answer.text).toContain(answer.status);
    }
  });

  it("keeps a gate of odd unicode (a lone surrogate, right-to-left marks) without a fault", async () => {
    const { tickets: [ticket, other] } = await doorTickets(db(), 2);
    const client = await door();
    const first = await client.post("/api/checkin", { token: token(ticket!), gate: "\ud800 North \u202e" });
    expect(first.status, first.text).toBe(200);
    const again = await client.post("/api/checkin", { token: token(ticket!), gate: "\udfff" });
    expectApiError(again, 409, "already_checked_in");
    expect(again.body.error.gate).toBe("\ufffd North \u202e");
    const uploaded = await client.post("/api/checkin/sync", { scans: [{ scanId: "odd-gate-1", token: token(other!), at: minutesAgo(1), gate: "\udbff\udbff" }] });
    expect(uploaded.status, uploaded.text).toBe(200);
  });

  it("answers cursors far in the past or future and days out of range without a fault", async () => {
    const client = await door();
    for (const since of ["", "now", "2026-11-22", "0001-01-01T00:00:00Z", "0000-01-01T00:00:00Z", "0001-01-01T00:00:30Z", "9999-12-31T23:59:59.999Z", "2026-01-01T00:00:00+14:00"]) {
      const answer = await client.get(`/api/checkin/offline?since=${encodeURIComponent(since)}`);
      notFault(answer);
      expect([200, 400], answer.text).toContain(answer.status);
    }
    for (const date of ["2000-01-01", "2999-12-31"]) {
      for (const path of [`/api/checkin/offline?date=${date}&since=2000-01-01T00:00:00Z`, `/api/staff/day?date=${date}`]) {
        const edge = await client.get(path);
        expect(edge.status, edge.text).toBe(200);
      }
      expect((await client.get(`/api/events?staffDay=${date}`)).status).toBe(200);
    }
    expect((await client.get("/api/checkin/offline?date=2026-11-22&date=2026-11-23&since=2026-11-22T00:00:00Z&since=x")).status).toBeLessThan(500);
    for (const date of ["0000-01-01", "1900-01-01", "9999-12-31", "2026-02-30", "2026-1-1", "+02026-01-01"]) {
      expectApiError(await client.get(`/api/checkin/offline?date=${encodeURIComponent(date)}`), 400, "invalid_request");
      expectApiError(await client.get(`/api/staff/day?date=${encodeURIComponent(date)}`), 400, "invalid_request");
      expect((await client.get(`/api/events?staffDay=${encodeURIComponent(date)}`)).status).toBe(400);
    }
  });

  it("answers one scan id twice in a batch as the first time, and refuses a scan id already used for another ticket (409) without recording it", async () => {
    const { tickets: [first, second] } = await doorTickets(db(), 2);
    const client = await door();
    const twice = await client.post("/api/checkin/sync", {
      scans: [
        { scanId: "dup-in-batch-1", token: token(first!), at: minutesAgo(3) },
        { scanId: "dup-in-batch-1", token: token(first!), at: minutesAgo(2) },
      ],
    });
    expect(twice.status, twice.text).toBe(200);
    expect(twice.body.results).toEqual([
      { scanId: "dup-in-batch-1", result: "admitted" },
      { scanId: "dup-in-batch-1", result: "admitted" },
    ]);

    // Used online for the first ticket, then uploaded with the second's token: the second was not admitted by it.
    expect((await client.post("/api/checkin", { code: first!.code, scanId: "used-online-1" })).status).toBe(409);
    const reused = await client.post("/api/checkin/sync", { scans: [{ scanId: "used-online-1", token: token(second!), at: minutesAgo(1) }] });
    expectApiError(reused, 409, "idempotency_conflict");
    expect(reused.body.error.fields).toEqual({ "scans.0.scanId": expect.any(String) });
    expectApiError(await client.post("/api/checkin", { token: token(second!), scanId: "dup-in-batch-1" }), 409, "idempotency_conflict");
    const [still] = await db().select({ status: tickets.status }).from(tickets).where(eq(tickets.id, second!.id));
    expect(still!.status).toBe("valid");
    expect((await client.post("/api/checkin", { token: token(second!) })).status).toBe(200);
  });

  it("undo of an id that is no ticket (an order's, a slot's, not an id) is 404; undo racing online and uploaded scans of one ticket never faults", async () => {
    const { order, slot, tickets: [ticket] } = await doorTickets(db(), 1);
    const staff = await signedInStaff(server.current, "staff");
    const [orderRow] = await db().select({ id: orders.id }).from(orders).where(eq(orders.number, order.number));
    for (const id of [orderRow!.id, slot.id, "00000000-0000-0000-0000-000000000000", "not-an-id"]) expectApiError(await staff.send("DELETE", `/api/checkin/${id}`), 404, "not_found");

    const client = await door();
    for (let round = 0; round < 4; round++) {
      const answers = await Promise.all([
        client.post("/api/checkin", { token: token(ticket!), scanId: `race-online-${round}` }),
        client.post("/api/checkin/sync", { scans: [{ scanId: `race-sync-${round}`, token: token(ticket!), at: minutesAgo(5) }] }),
        staff.send("DELETE", `/api/checkin/${ticket!.id}`),
        client.post("/api/checkin/sync", { scans: [{ scanId: `race-sync-b-${round}`, code: ticket!.code, at: minutesAgo(4) }] }, { headers: { "idempotency-key": `race-${round}` } }),
      ]);
      for (const answer of answers) expect([200, 409], answer.text).toContain(answer.status);
    }
  });
});

describe("the door page as the service worker sees it (public/door-sw.js)", () => {
  it("is the scanner for a door account and the refusal, marked as the worker looks for it, for an account without the role", async () => {
    const forDoor = await (await door()).get("/staff/door");
    expect(forDoor.status).toBe(200);
    expect(forDoor.text).not.toContain('data-testid="staff-refused"');
    const forVisitor = await (await signedInStaff(server.current, "visitor")).get("/staff/door");
    expect(forVisitor.status).toBe(200);
    expect(forVisitor.text).toContain('data-testid="staff-refused"');
    expect((await server.current.client().get("/staff/door")).status).toBe(307);
  });
});
