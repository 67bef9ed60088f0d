import { describe, expect, it } from "vitest";
import { doorTickets } from "../support/door-fixtures";
import { expectApiError } from "../support/http-client";
import { productionServerForThisFile } from "../support/production-server";
import { signedInStaff } from "../support/staff-fixtures";

// RATE_LIMIT_SCANS_PER_MINUTE per door account: a stolen door session cannot probe codes at the network's pace.
const server = productionServerForThisFile({ RATE_LIMIT_SCANS_PER_MINUTE: "3" });

describe("the scan limit", () => {
  it("answers 429 with Retry-After past the limit, per account", async () => {
    const { tickets } = await doorTickets(server.current.database.db, 4);
    const door = await signedInStaff(server.current, "door");
    for (const ticket of tickets.slice(0, 3)) expect((await door.post("/api/checkin", { code: ticket.code })).status).toBe(200);
    const refused = await door.post("/api/checkin", { code: tickets[3]!.code });
    expectApiError(refused, 429, "rate_limited");
    expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0);
    expect((await (await signedInStaff(server.current, "door")).post("/api/checkin", { code: tickets[3]!.code })).status).toBe(200);
  });

  it("counts each scan of an upload", async () => {
    const { tickets } = await doorTickets(server.current.database.db, 4);
    const door = await signedInStaff(server.current, "door");
    const at = new Date().toISOString();
    const upload = await door.post("/api/checkin/sync", { scans: tickets.slice(0, 3).map((ticket, i) => ({ scanId: `counted-scan-${i}000`, code: ticket.code, at })) });
    expect(upload.status, upload.text).toBe(200);
    const refused = await door.post("/api/checkin", { code: tickets[3]!.code });
    expectApiError(refused, 429, "rate_limited");
    expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0);
    expectApiError(await (await signedInStaff(server.current, "door")).post("/api/checkin/sync", { scans: tickets.map((ticket, i) => ({ scanId: `too-many-scan-${i}000`, code: ticket.code, at })) }), 429, "rate_limited");
  });
});
