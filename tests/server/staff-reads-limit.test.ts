import { describe, expect, it } from "vitest";
import { expectApiError } from "../support/http-client";
import { productionServerForThisFile } from "../support/production-server";
import { signedInStaff } from "../support/staff-fixtures";

// Six reads a minute per account, changes counted apart (RATE_LIMIT_STAFF_PER_MINUTE keeps its 300).
const server = productionServerForThisFile({ RATE_LIMIT_STAFF_READS_PER_MINUTE: "6" });

describe("a staff account's reads count against a limit of their own", () => {
  it("searches, the till and console pages share the count: the seventh read is 429 with Retry-After, a colleague still reads", async () => {
    const staff = await signedInStaff(server.current, "staff");
    const reads = ["/api/staff/orders?q=rao", "/api/staff/orders?q=1042", "/api/staff/sales/summary", "/api/staff/orders?q=asha%40", "/api/staff/orders", "/api/staff/sales/summary"];
    for (const target of reads) expect((await staff.get(target)).status, target).toBe(200);

    const refused = await staff.get("/api/staff/orders?q=rao");
    expectApiError(refused, 429, "rate_limited");
    expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0);

    const page = await staff.get("/staff/orders?q=rao");
    expect(page.status).toBe(200);
    expect(page.text).toMatch(/Too many pages and searches in a short time; try again in \d+ s\./);
    expect(page.text).not.toContain("Search orders");

    const colleague = await signedInStaff(server.current, "staff");
    expect((await colleague.get("/api/staff/orders?q=rao")).status).toBe(200);
  });

  it("changes keep their own limit: an account that has used up its reads still sells at the box office's API", async () => {
    const staff = await signedInStaff(server.current, "admin");
    for (let i = 0; i < 6; i++) await staff.get("/api/staff/orders");
    expectApiError(await staff.get("/api/staff/orders"), 429, "rate_limited");
    // A write with a body the route refuses still passes the limits first: 400, not 429.
    expectApiError(await staff.post("/api/staff/sales", {}, { headers: { origin: server.current.app.url } }), 400, "invalid_request");
  });

  it("door accounts' reads count too: the offline list, then the scanner page says to slow down", async () => {
    const door = await signedInStaff(server.current, "door");
    for (let i = 0; i < 6; i++) expect((await door.get("/api/checkin/offline")).status).toBe(200);
    expectApiError(await door.get("/api/checkin/offline"), 429, "rate_limited");
    const page = await door.get("/staff/door");
    expect(page.text).toContain("Slow down a moment");
  });
});
