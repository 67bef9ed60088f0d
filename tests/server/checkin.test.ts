import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { checkIns, tickets } from "@/db/schema";
import { venueDateOf } from "@/domain/calendar/venue-time";
import { decideOffline, importTicketKey, readTicketToken } from "@/domain/checkin/offline-decision";
import { refundTickets } from "@/domain/refunds/refund-tickets";
import { doorTickets, tokenOf } from "../support/door-fixtures";
import { expectApiError, request, type Answer } from "../support/http-client";
import { productionServerForThisFile, SERVER_AUTH_SECRET } from "../support/production-server";
import { signedInStaff, staffCtx, staffMember } from "../support/staff-fixtures";

// The door's API (API.md, Check-in) on the server as `npm start` runs it.
const server = productionServerForThisFile();
const DAY_MS = 86_400_000;
const db = () => server.current.database.db;
const token = (ticket: { claims: Parameters<typeof tokenOf>[0] }) => tokenOf(ticket.claims, SERVER_AUTH_SECRET);
const door = () => signedInStaff(server.current, "door");
/** A code as a person types it off a printed ticket: lowercase, spaces for dashes. */
const typed = (code: string) => ` ${code.toLowerCase().replace(/-/g, " ")} `;
const withoutRequestId = (answer: Answer) => ({ status: answer.status, body: answer.body?.error ? { ...answer.body, error: { ...answer.body.error, requestId: undefined } } : answer.body });

async function voided(orderId: string, ticketId: string) {
  const ctx = staffCtx(db(), { now: new Date() }, await staffMember(db(), "admin"));
  await refundTickets({ ctx, input: { orderId, ticketIds: [ticketId], reason: "Changed plans", voidReason: "refunded" } });
}

describe("POST /api/checkin", () => {
  it("admits by token and by a typed code, then answers 409 already_checked_in with when and where", async () => {
    const { order, tickets: [byToken, byCode] } = await doorTickets(db(), 2);
    const client = await door();
    const first = await client.post("/api/checkin", { token: token(byToken!), gate: "North" });
    expect(first.status, first.text).toBe(200);
    expect(first.body).toMatchObject({ result: "admitted", ticket: { id: byToken!.id, code: byToken!.code, status: "used" }, order: { number: order.number, name: "Asha Rao" } });
    const second = await client.post("/api/checkin", { code: typed(byCode!.code), gate: "South" });
    expect(second.status, second.text).toBe(200);
    expect(second.body).toMatchObject({ result: "admitted", ticket: { id: byCode!.id }, order: { number: order.number, name: "Asha Rao" } });

    const again = await client.post("/api/checkin", { code: byToken!.code, gate: "South" });
    expectApiError(again, 409, "already_checked_in");
    expect(again.body.error).toMatchObject({ gate: "North", checkedInAt: expect.any(String), ticket: { id: byToken!.id }, order: { number: order.number } });
    expect(Math.abs(Date.parse(again.body.error.checkedInAt) - Date.now())).toBeLessThan(60_000);
    // A handheld scanner types the QR's text into the code field.
    expectApiError(await client.post("/api/checkin", { code: token(byCode!) }), 409, "already_checked_in");
  });

  it("admits a token that a handheld scanner typed into the code field, as long as a token is", async () => {
    const { tickets: [ticket] } = await doorTickets(db(), 1);
    const answer = await (await door()).post("/api/checkin", { code: token(ticket!) });
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body).toMatchObject({ result: "admitted", ticket: { id: ticket!.id } });
  });

  it("refuses a voided ticket (409 ticket_void), an unknown code and a forged or altered token (404), and a ticket for another time (422 with its window)", async () => {
    const { order, tickets: [voidTicket, genuine] } = await doorTickets(db(), 2);
    await voided(order.id, voidTicket!.id);
    const client = await door();
    const refused = await client.post("/api/checkin", { token: token(voidTicket!) });
    expectApiError(refused, 409, "ticket_void");
    expect(refused.body.error).toMatchObject({ ticket: { id: voidTicket!.id, status: "void" }, order: { number: order.number } });

    expectApiError(await client.post("/api/checkin", { code: "ZZZZ-ZZZZ-ZZZZ-ZZZZ" }), 404, "not_found");
    expectApiError(await client.post("/api/checkin", { code: "not a code at all" }), 404, "not_found");
    const forged = tokenOf(genuine!.claims, "another-secret-0123456789abcdef-another");
    expectApiError(await client.post("/api/checkin", { token: forged }), 404, "not_found");
    const [payload, signature] = token(genuine!).split(".");
    const altered = Buffer.from(Buffer.from(payload!, "base64url").toString().replace('"Adult"', '"Child"')).toString("base64url");
    expect(altered).not.toBe(payload);
    expectApiError(await client.post("/api/checkin", { token: `${altered}.${signature}` }), 404, "not_found");
    expectApiError(await client.post("/api/checkin", { code: `${altered}.${signature}` }), 404, "not_found");

    const later = await doorTickets(db(), 1, new Date(Date.now() + DAY_MS));
    const closed = await client.post("/api/checkin", { token: token(later.tickets[0]!) });
    expectApiError(closed, 422, "slot_closed");
    expect(closed.body.error).toMatchObject({ window: later.tickets[0]!.claims.window, ticket: { id: later.tickets[0]!.id, status: "valid" }, order: { number: later.order.number } });
    // The genuine token, untouched, still admits.
    expect((await client.post("/api/checkin", { token: token(genuine!) })).status).toBe(200);
  });

  it("answers 400 to both code and token, neither, a bad scan id or a NUL in the gate, and admits nothing", async () => {
    const { tickets: [ticket] } = await doorTickets(db(), 1);
    const client = await door();
    for (const body of [
      { code: ticket!.code, token: token(ticket!) },
      {},
      { gate: "North" },
      { code: ticket!.code, scanId: "short" },
      { code: ticket!.code, scanId: "has spaces in it" },
      { code: ticket!.code, scanId: 12345678 },
      { code: ticket!.code, gate: "North\u0000" },
      { code: ticket!.code, gate: "   " },
    ]) {
      expectApiError(await client.post("/api/checkin", body), 400, "invalid_request");
    }
    expect((await client.post("/api/checkin", { code: ticket!.code })).status).toBe(200);
  });

  it("is for door staff and up: 401 without a session, 403 for a visitor's account or a foreign origin; a write without Origin passes like every staff write", async () => {
    const { tickets: [ticket] } = await doorTickets(db(), 1);
    expectApiError(await server.current.client().post("/api/checkin", { code: ticket!.code }), 401, "unauthenticated");
    const visitor = await signedInStaff(server.current, "visitor");
    expectApiError(await visitor.post("/api/checkin", { code: ticket!.code }), 403, "forbidden");
    const client = await door();
    expectApiError(await client.post("/api/checkin", { code: ticket!.code }, { headers: { origin: "http://evil.example" } }), 403, "forbidden");
    expectApiError(await client.post("/api/checkin", { code: ticket!.code }, { headers: { "sec-fetch-site": "cross-site" } }), 403, "forbidden");
    const cookie = [...client.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
    const noOrigin = await request(server.current.app.url, "POST", "/api/checkin", { body: { code: ticket!.code }, headers: { cookie } });
    expect(noOrigin.status, noOrigin.text).toBe(200);
  });

  it("admits exactly once when twenty scans of one ticket arrive together", async () => {
    const { tickets: [ticket] } = await doorTickets(db(), 1);
    const clients = await Promise.all(Array.from({ length: 4 }, door));
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => clients[i % 4]!.post("/api/checkin", { token: token(ticket!), gate: `Gate ${i}` })));
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, ...Array<number>(19).fill(409)]);
    for (const answer of answers.filter((each) => each.status === 409)) expect(answer.body.error.code).toBe("already_checked_in");
    expect(await db().select().from(checkIns).where(eq(checkIns.ticketId, ticket!.id))).toHaveLength(20);
  });

  it("answers a scan id sent five times together, and again later, as the first time; another scan id finds the ticket in", async () => {
    const { tickets: [ticket] } = await doorTickets(db(), 1);
    const client = await door();
    const scan = { token: token(ticket!), gate: "North", scanId: "scan-2026-abcdef" };
    const together = await Promise.all(Array.from({ length: 5 }, () => client.post("/api/checkin", scan)));
    const later = await client.post("/api/checkin", scan);
    expect(together[0]!.status, together[0]!.text).toBe(200);
    for (const answer of [...together, later]) expect(withoutRequestId(answer)).toEqual(withoutRequestId(together[0]!));
    expectApiError(await client.post("/api/checkin", { ...scan, scanId: "scan-2026-ghijkl" }), 409, "already_checked_in");
    expect(await db().select().from(checkIns).where(eq(checkIns.ticketId, ticket!.id))).toHaveLength(2);
  });
});

describe("POST /api/checkin/sync", () => {
  const sync = async (client: Awaited<ReturnType<typeof door>>, scans: unknown[]) => client.post("/api/checkin/sync", { scans });

  it("keeps the earlier admission when a ticket admitted online is uploaded with an earlier time, and reports the later as conflict", async () => {
    const { tickets: [ticket] } = await doorTickets(db(), 1);
    const client = await door();
    expect((await client.post("/api/checkin", { token: token(ticket!), gate: "North" })).status).toBe(200);
    const earlier = new Date(Date.now() - 5 * 60_000).toISOString();
    const answer = await sync(client, [{ scanId: "offline-scan-0001", token: token(ticket!), at: earlier, gate: "East" }]);
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body).toEqual({ results: [{ scanId: "offline-scan-0001", result: "conflict" }] });
    const now = await client.post("/api/checkin", { code: ticket!.code });
    expectApiError(now, 409, "already_checked_in");
    expect(now.body.error).toMatchObject({ checkedInAt: earlier, gate: "East" });
  });

  it("admits the first of two offline scans of a ticket and reports the second as conflict; void and unknown; a replayed batch answers the same", async () => {
    const { order, tickets: [twice, voidTicket] } = await doorTickets(db(), 2);
    await voided(order.id, voidTicket!.id);
    const client = await door();
    const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000).toISOString();
    const scans = [
      { scanId: "batch-scan-second", token: token(twice!), at: at(2), gate: "West" },
      { scanId: "batch-scan-first", code: typed(twice!.code), at: at(4), gate: "East" },
      { scanId: "batch-scan-void", token: token(voidTicket!), at: at(3) },
      { scanId: "batch-scan-unknown", code: "ZZZZ-ZZZZ-ZZZZ-ZZZZ", at: at(3) },
    ];
    const expected = {
      results: [
        { scanId: "batch-scan-second", result: "admitted" },
        { scanId: "batch-scan-first", result: "conflict" },
        { scanId: "batch-scan-void", result: "void" },
        { scanId: "batch-scan-unknown", result: "unknown" },
      ],
    };
    const answer = await sync(client, scans);
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body).toEqual(expected);
    // The upload came second, but by the devices' clocks the East scan was first: its time and gate stand.
    const now = await client.post("/api/checkin", { code: twice!.code });
    expect(now.body.error).toMatchObject({ code: "already_checked_in", checkedInAt: scans[1]!.at, gate: "East" });

    const replayed = await sync(client, scans);
    expect(replayed.status, replayed.text).toBe(200);
    expect(replayed.body).toEqual(expected);
  });

  it("two devices uploading scans of the same tickets at once: one admission and one conflict each, and the earlier time stands", async () => {
    const { tickets } = await doorTickets(db(), 10);
    const [east, west] = await Promise.all([door(), door()]);
    const early = new Date(Date.now() - 6 * 60_000).toISOString();
    const late = new Date(Date.now() - 2 * 60_000).toISOString();
    // East scanned the odd tickets first, West the even ones; each uploads in the opposite order to the other.
    const batch = (device: string, firstOf: number) =>
      tickets.map((ticket, i) => ({ scanId: `${device}-${ticket.id}`, token: token(ticket), at: i % 2 === firstOf ? early : late, gate: device })).reverse();
    const [fromEast, fromWest] = await Promise.all([sync(east, batch("east", 1)), sync(west, batch("west", 0).reverse())]);
    expect([fromEast.status, fromWest.status]).toEqual([200, 200]);
    for (const ticket of tickets) {
      const results = [...fromEast.body.results, ...fromWest.body.results].filter((result: { scanId: string }) => result.scanId.endsWith(ticket.id)).map((result: { result: string }) => result.result);
      expect(results.sort(), ticket.id).toEqual(["admitted", "conflict"]);
    }
    for (const [i, ticket] of tickets.entries()) {
      const now = await east.post("/api/checkin", { code: ticket.code });
      expect(now.body.error, ticket.id).toMatchObject({ code: "already_checked_in", checkedInAt: early, gate: i % 2 === 1 ? "east" : "west" });
    }
  });

  it("dates a scan from a device whose clock is a month behind or an hour ahead when it arrives, and keeps its admission", async () => {
    const { tickets: [behind, ahead] } = await doorTickets(db(), 2);
    const client = await door();
    const sent = Date.now();
    const answer = await sync(client, [
      { scanId: "clock-behind-0001", code: behind!.code, at: new Date(sent - 30 * DAY_MS).toISOString(), gate: "Drawer" },
      { scanId: "clock-ahead-00001", code: ahead!.code, at: new Date(sent + 3_600_000).toISOString(), gate: "Drawer" },
    ]);
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body.results.map((each: { result: string }) => each.result)).toEqual(["admitted", "admitted"]);
    for (const ticket of [behind!, ahead!]) {
      const [row] = await db().select({ checkedInAt: tickets.checkedInAt }).from(tickets).where(eq(tickets.id, ticket.id));
      expect(Math.abs(row!.checkedInAt!.getTime() - sent), ticket.code).toBeLessThan(60_000);
    }
  });

  it("refuses more than 100 scans, none and a scan without a time (400), and applies none of them", async () => {
    const { tickets: [ticket] } = await doorTickets(db(), 1);
    const client = await door();
    const scan = (i: number, at = new Date().toISOString()) => ({ scanId: `too-many-${String(i).padStart(4, "0")}`, code: ticket!.code, at });
    expectApiError(await sync(client, Array.from({ length: 101 }, (_, i) => scan(i))), 400, "invalid_request");
    expectApiError(await sync(client, []), 400, "invalid_request");
    expectApiError(await sync(client, [{ scanId: "no-time-0001", code: ticket!.code }]), 400, "invalid_request");
    expect(await db().select().from(checkIns).where(eq(checkIns.ticketId, ticket!.id))).toEqual([]);
  });
});

describe("GET /api/checkin/offline", () => {
  it("gives the public key that verifies our tokens, and the day's void and admitted tickets; `since` gives only what changed after, undone admissions included", async () => {
    const { order, slot, tickets: [admitted, voidTicket, later, undone, untouched] } = await doorTickets(db(), 5);
    const date = venueDateOf(slot.startsAt, "Asia/Kolkata");
    const client = await door();
    await voided(order.id, voidTicket!.id);
    expect((await client.post("/api/checkin", { code: admitted!.code })).status).toBe(200);
    expect((await client.post("/api/checkin", { code: undone!.code })).status).toBe(200);

    const full = await client.get(`/api/checkin/offline?date=${date}`);
    expect(full.status, full.text).toBe(200);
    expect(full.body).toMatchObject({ publicKey: { algorithm: "Ed25519", jwk: { kty: "OKP", crv: "Ed25519", x: expect.any(String) } }, date, cursor: expect.any(String), entryWindow: { opensMinutesBefore: 30, closesMinutesAfter: 30 } });
    expect(full.body.publicKey.jwk.d).toBeUndefined();
    expect(full.body.slots.map((each: { id: string }) => each.id)).toContain(slot.id);
    expect(full.body.void).toContain(voidTicket!.id);
    expect(full.body.admitted).toEqual(expect.arrayContaining([admitted!.id, undone!.id]));
    for (const id of [later!.id, untouched!.id]) expect([...full.body.void, ...full.body.admitted]).not.toContain(id);

    // WebCrypto, as the scanner page uses it: the key verifies our token and nothing altered.
    const key = await importTicketKey(full.body.publicKey.jwk);
    const claims = await readTicketToken(token(later!), key);
    expect(claims).toEqual(later!.claims);
    expect(await readTicketToken(tokenOf(later!.claims, "another-secret-0123456789abcdef-another"), key)).toBeUndefined();
    const known = { void: new Set<string>(full.body.void), admitted: new Map<string, { at: string; gate: string | null }>(full.body.admitted.map((id: string) => [id, { at: "", gate: null }])), entryWindow: full.body.entryWindow };
    expect(decideOffline(claims!, known, new Date()).result).toBe("admitted");
    expect(decideOffline((await readTicketToken(token(voidTicket!), key))!, known, new Date()).result).toBe("void");

    // What was there before the cursor is older than the list's overlap; then one admission, one undo.
    await db().execute(sql`UPDATE check_ins SET recorded_at = recorded_at - interval '10 minutes' WHERE ticket_id IN (${admitted!.id}, ${undone!.id})`);
    await db().execute(sql`UPDATE tickets SET voided_at = voided_at - interval '10 minutes' WHERE id = ${voidTicket!.id}`);
    expect((await client.post("/api/checkin", { code: later!.code })).status).toBe(200);
    const staff = await signedInStaff(server.current, "staff");
    expect((await staff.send("DELETE", `/api/checkin/${undone!.id}`)).body).toEqual({ ticketId: undone!.id, undone: true });
    const changes = await client.get(`/api/checkin/offline?date=${date}&since=${encodeURIComponent(full.body.cursor)}`);
    expect(changes.status, changes.text).toBe(200);
    const ours = (ids: string[]) => ids.filter((id) => [admitted, voidTicket, later, undone, untouched].some((ticket) => ticket!.id === id));
    expect({ void: ours(changes.body.void), admitted: ours(changes.body.admitted), undone: ours(changes.body.undone) }).toEqual({ void: [], admitted: [later!.id], undone: [undone!.id] });
  });

  it("is for door staff and up; a bad date or cursor is 400", async () => {
    expectApiError(await server.current.client().get("/api/checkin/offline"), 401, "unauthenticated");
    expectApiError(await (await signedInStaff(server.current, "visitor")).get("/api/checkin/offline"), 403, "forbidden");
    const client = await door();
    expect((await client.get("/api/checkin/offline")).status).toBe(200);
    expectApiError(await client.get("/api/checkin/offline?date=tomorrow"), 400, "invalid_request");
    expectApiError(await client.get("/api/checkin/offline?since=yesterday"), 400, "invalid_request");
  });
});

describe("DELETE /api/checkin/{ticketId}", () => {
  it("is staff's: door 403; staff undo an admission (audited as ticket.checkin_undo), the ticket admits again; not a ticket id is 404", async () => {
    const { tickets: [ticket] } = await doorTickets(db(), 1);
    const client = await door();
    expect((await client.post("/api/checkin", { code: ticket!.code, gate: "North" })).status).toBe(200);
    expectApiError(await client.send("DELETE", `/api/checkin/${ticket!.id}`), 403, "forbidden");
    const staff = await signedInStaff(server.current, "staff");
    const undone = await staff.send("DELETE", `/api/checkin/${ticket!.id}`);
    expect(undone.status, undone.text).toBe(200);
    expect(undone.body).toEqual({ ticketId: ticket!.id, undone: true });
    expect((await staff.send("DELETE", `/api/checkin/${ticket!.id}`)).body).toEqual({ ticketId: ticket!.id, undone: false });

    const admin = await signedInStaff(server.current, "admin");
    const log = await admin.get(`/api/staff/audit?entityType=ticket&entityId=${ticket!.id}`);
    expect(log.status, log.text).toBe(200);
    expect(log.body.entries).toEqual([expect.objectContaining({ action: "ticket.checkin_undo", entityId: ticket!.id })]);

    expect((await client.post("/api/checkin", { code: ticket!.code, gate: "South" })).status).toBe(200);
    expectApiError(await staff.send("DELETE", "/api/checkin/not-a-uuid"), 404, "not_found");
    expectApiError(await staff.send("DELETE", "/api/checkin/00000000-0000-4000-8000-000000000000"), 404, "not_found");
  });
});
