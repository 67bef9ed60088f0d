import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { expectApiError, type Answer } from "../support/http-client";
import { productionServerForThisFile } from "../support/production-server";
import { signedInStaff } from "../support/staff-fixtures";

// Staff accounts, roles and the audit log on the server as `npm start` runs it.
const server = productionServerForThisFile();
const PASSWORD = "a long enough password";
const NO_SUCH = "00000000-0000-4000-8000-000000000000";
type Role = "admin" | "staff" | "door";
type Client = ReturnType<typeof server.current.client>;

// Every staff route of API.md with the least role it needs, and a body that would pass the role check.
const STAFF_ROUTES: [method: string, path: string, role: Role][] = [
  ["GET", "/api/staff/exhibitions", "admin"],
  ["POST", "/api/staff/exhibitions", "admin"],
  ["PATCH", "/api/staff/exhibitions/no-such-exhibition", "admin"],
  ["POST", "/api/staff/exhibitions/no-such-exhibition/ticket-types", "admin"],
  ["PATCH", `/api/staff/ticket-types/${NO_SUCH}`, "admin"],
  ["PUT", "/api/staff/exhibitions/no-such-exhibition/schedule", "admin"],
  ["PATCH", `/api/staff/slots/${NO_SUCH}`, "admin"],
  ["POST", `/api/staff/slots/${NO_SUCH}/cancel`, "admin"],
  ["GET", "/api/staff/users", "admin"],
  ["POST", "/api/staff/users", "admin"],
  ["PATCH", `/api/staff/users/${NO_SUCH}`, "admin"],
  ["GET", "/api/staff/audit", "admin"],
  ["GET", "/api/staff/orders", "staff"],
  ["GET", `/api/staff/orders/${NO_SUCH}`, "staff"],
  ["POST", `/api/staff/orders/${NO_SUCH}/refund`, "staff"],
  ["POST", `/api/staff/orders/${NO_SUCH}/move`, "staff"],
  ["POST", `/api/staff/orders/${NO_SUCH}/resend`, "staff"],
  ["POST", "/api/staff/sales", "staff"],
  ["GET", "/api/staff/sales/summary", "staff"],
  ["POST", `/api/staff/sales/${NO_SUCH}/email`, "staff"],
  ["GET", "/api/staff/reports/sales", "staff"],
  ["GET", "/api/staff/reports/occupancy", "staff"],
  ["GET", "/api/staff/reports/funnel", "staff"],
  ["DELETE", `/api/checkin/${NO_SUCH}`, "staff"],
  ["GET", "/api/staff/day", "door"],
  ["POST", "/api/checkin", "door"],
  ["GET", "/api/checkin/offline", "door"],
  ["POST", "/api/checkin/sync", "door"],
];

const RANK = { visitor: 0, door: 1, staff: 2, admin: 3 } as const;
const send = (client: Client, method: string, path: string) => client.send(method, path, method === "GET" ? {} : { body: {} });
const isMissing = (answer: Answer) => answer.status === 404 && answer.body?.error?.message === "There is no such API route.";

async function signIn(email: string, password = PASSWORD) {
  const client = server.current.client();
  return { client, answer: await client.post("/api/auth/sign-in/email", { email, password }) };
}

describe("who may use each staff route", () => {
  it("API.md's staff routes: 401 without a session, 403 for every role below the route's, and past the check for the route's own", async () => {
    const clients = {
      visitor: await signedInStaff(server.current, "visitor"),
      door: await signedInStaff(server.current, "door"),
      staff: await signedInStaff(server.current, "staff"),
      admin: await signedInStaff(server.current, "admin"),
    };
    const missing: string[] = [];
    for (const [method, path, needed] of STAFF_ROUTES) {
      const name = `${method} ${path}`;
      const anonymous = await send(server.current.client(), method, path);
      if (isMissing(anonymous)) {
        missing.push(name);
        continue;
      }
      expectApiError(anonymous, 401, "unauthenticated");
      for (const role of ["visitor", "door", "staff", "admin"] as const) {
        const answer = await send(clients[role], method, path);
        if (RANK[role] < RANK[needed]) expectApiError(answer, 403, "forbidden");
        else expect([401, 403], `${role} on ${name}: ${answer.text}`).not.toContain(answer.status);
      }
    }
    expect(missing, "routes of API.md this branch should serve").toEqual([]);
  });

  it("GET /api/me reports each role, door included", async () => {
    for (const role of ["visitor", "door", "staff", "admin"] as const) {
      const client = await signedInStaff(server.current, role);
      expect((await client.get("/api/me")).body.user.role).toBe(role);
    }
  });
});

describe("staff accounts through the API", () => {
  it("an admin adds a door account; its owner signs in with the password shown once; a second add gives the role and keeps the password", async () => {
    const admin = await signedInStaff(server.current, "admin");
    const email = `door-${randomUUID().slice(0, 8)}@museum.example`;
    const added = await admin.post("/api/staff/users", { email: email.toUpperCase(), name: "Asha", role: "door" });
    expect(added.status, added.text).toBe(201);
    expect(added.body).toEqual({ account: { id: expect.any(String), email, name: "Asha", role: "door", disabled: false, createdAt: expect.any(String) }, created: true, temporaryPassword: expect.stringMatching(/^\S{16}$/) });

    const { client: door, answer } = await signIn(email, added.body.temporaryPassword);
    expect(answer.status).toBe(200);
    expect((await door.get("/api/me")).body.user).toMatchObject({ email, role: "door" });
    expect((await door.get("/api/staff/day")).status).toBe(200);

    const again = await admin.post("/api/staff/users", { email, name: "Someone else", role: "staff" });
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ created: false, temporaryPassword: null, account: { email, name: "Asha", role: "staff" } });
    expect((await signIn(email, added.body.temporaryPassword)).answer.status).toBe(200);

    const listed = await admin.get("/api/staff/users");
    expect(listed.body.accounts.map((account: { email: string }) => account.email)).toContain(email);
    expect(listed.body.nextCursor).toBeNull();
  });

  it("a retried add with the same Idempotency-Key answers the same account but never keeps the password it showed", async () => {
    const admin = await signedInStaff(server.current, "admin");
    const email = `desk-${randomUUID().slice(0, 8)}@museum.example`;
    const key = { headers: { "idempotency-key": randomUUID() } };
    const first = await admin.post("/api/staff/users", { email, name: "Ravi", role: "staff" }, key);
    expect(first.body.temporaryPassword).toEqual(expect.any(String));
    const retry = await admin.post("/api/staff/users", { email, name: "Ravi", role: "staff" }, key);
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual({ ...first.body, temporaryPassword: null });
    const { rows } = await server.current.database.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM idempotency_keys WHERE response::text LIKE ${`%${first.body.temporaryPassword}%`}`);
    expect(rows[0]!.n).toBe(0);
  });

  it("refuses a malformed account with the fields named", async () => {
    const admin = await signedInStaff(server.current, "admin");
    const bad = await admin.post("/api/staff/users", { email: "not an email", name: "", role: "visitor" });
    expectApiError(bad, 400, "invalid_request");
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(["email", "name", "role"]);
    expectApiError(await admin.send("PATCH", `/api/staff/users/${NO_SUCH}`, { body: {} }), 400, "invalid_request");
    expectApiError(await admin.send("PATCH", `/api/staff/users/${NO_SUCH}`, { body: { role: "door" } }), 404, "not_found");
    expectApiError(await admin.get("/api/staff/users?q=%00"), 400, "invalid_request");
  });

  it("a role change takes effect on the account's very next request", async () => {
    const admin = await signedInStaff(server.current, "admin");
    const door = await signedInStaff(server.current, "door");
    const { id } = (await door.get("/api/me")).body.user;
    expectApiError(await door.get("/api/staff/users"), 403, "forbidden");
    expect((await admin.send("PATCH", `/api/staff/users/${id}`, { body: { role: "admin" } })).status).toBe(200);
    expect((await door.get("/api/staff/users")).status).toBe(200);
    expect((await admin.send("PATCH", `/api/staff/users/${id}`, { body: { role: "visitor" } })).body.account.role).toBe("visitor");
    expectApiError(await door.get("/api/staff/day"), 403, "forbidden");
  });

  it("a disabled account is out at once: its session is dead, the right password is told 403, and the attempts count against the limit", async () => {
    const admin = await signedInStaff(server.current, "admin");
    const staff = await signedInStaff(server.current, "staff");
    const { id } = (await staff.get("/api/me")).body.user;
    const disabled = await admin.send("PATCH", `/api/staff/users/${id}`, { body: { disabled: true } });
    expect(disabled.body.account).toMatchObject({ id, disabled: true });

    expectApiError(await staff.get("/api/me"), 401, "unauthenticated");
    expectApiError(await staff.get("/api/staff/day"), 401, "unauthenticated");
    const refused = (await signIn(staff.email)).answer;
    expectApiError(refused, 403, "forbidden");
    expect(refused.headers["set-cookie"]).toBeUndefined();
    // A wrong password learns nothing: the same answer as an unknown e-mail.
    const wrong = (await signIn(staff.email, "not the password at all")).answer;
    const unknown = (await signIn(`nobody-${randomUUID()}@museum.example`, "not the password at all")).answer;
    expectApiError(wrong, 401, "unauthenticated");
    expect(wrong.body.error.message).toBe(unknown.body.error.message);
    // RATE_LIMIT_SIGNIN_PER_MINUTE (5) failed attempts per e-mail and address: 2 are used above.
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await signIn(staff.email)).answer.status);
    expect(statuses).toEqual([403, 403, 403, 429]);

    const enabled = await admin.send("PATCH", `/api/staff/users/${id}`, { body: { disabled: false } });
    expect(enabled.body.account.disabled).toBe(false);
  });

  it("an admin cannot demote or disable themselves", async () => {
    const admin = await signedInStaff(server.current, "admin");
    const { id } = (await admin.get("/api/me")).body.user;
    expectApiError(await admin.send("PATCH", `/api/staff/users/${id}`, { body: { disabled: true } }), 403, "forbidden");
    expectApiError(await admin.send("PATCH", `/api/staff/users/${id}`, { body: { role: "staff" } }), 403, "forbidden");
    expect((await admin.get("/api/me")).body.user.role).toBe("admin");
  });
});

describe("the audit log through the API", () => {
  it("shows each account change newest first with who, before and after, filtered by entity, and refuses a bad cursor", async () => {
    const admin = await signedInStaff(server.current, "admin");
    const door = await signedInStaff(server.current, "door");
    const { id } = (await door.get("/api/me")).body.user;
    await admin.send("PATCH", `/api/staff/users/${id}`, { body: { role: "staff" } });
    await admin.send("PATCH", `/api/staff/users/${id}`, { body: { disabled: true } });

    const log = await admin.get(`/api/staff/audit?entityType=user&entityId=${id}`);
    expect(log.status).toBe(200);
    expect(log.body).toEqual({
      entries: [
        { id: expect.any(String), at: expect.any(String), actor: { id: expect.any(String), email: admin.email }, action: "account.disable", entityType: "user", entityId: id, before: { email: door.email, role: "staff", disabled: false }, after: { email: door.email, role: "staff", disabled: true } },
        { id: expect.any(String), at: expect.any(String), actor: { id: expect.any(String), email: admin.email }, action: "account.role", entityType: "user", entityId: id, before: { email: door.email, role: "door", disabled: false }, after: { email: door.email, role: "staff", disabled: false } },
      ],
      nextCursor: null,
    });
    const all = await admin.get("/api/staff/audit");
    expect(all.body.entries[0].id).toBe(log.body.entries[0].id);
    for (const cursor of ["x", "-1", "1e3"]) expectApiError(await admin.get(`/api/staff/audit?cursor=${cursor}`), 400, "invalid_request");
    expectApiError(await admin.get("/api/staff/audit?sort=asc"), 400, "invalid_request");
  });
});
