import { describe, expect, it } from "vitest";
import { addDays, venueDateOf } from "@/domain/calendar/venue-time";
import { expectApiError } from "../support/http-client";
import { productionServerForThisFile } from "../support/production-server";
import { signedInStaff } from "../support/staff-fixtures";

// 100 a minute: a month of a report is one, so a year's report (400 days) is 13 and the page (five reports of it) 65.
const server = productionServerForThisFile({ RATE_LIMIT_STAFF_PER_MINUTE: "100" });
const today = () => venueDateOf(new Date(), "Asia/Kolkata");
const year = () => `from=${addDays(today(), -399)}&to=${today()}`;

describe("reports count against a staff account's limit by the days they read", () => {
  it("a year's report costs what thirteen months do: after seven, a day's still answers, an eighth year's is refused (429)", async () => {
    const staff = await signedInStaff(server.current, "staff");
    for (let i = 0; i < 7; i++) expect((await staff.get(`/api/staff/reports/funnel?${year()}`)).status).toBe(200);
    expect((await staff.get(`/api/staff/reports/sales?from=${today()}&to=${today()}`)).status).toBe(200);
    expectApiError(await staff.get(`/api/staff/reports/funnel?${year()}`), 429, "rate_limited");
  });

  it("the reports page, which runs five reports, counts them too: reloading a year's page is refused, explained, and runs nothing", async () => {
    const staff = await signedInStaff(server.current, "staff");
    const first = await staff.get(`/staff/reports?${year()}`);
    expect(first.status).toBe(200);
    expect(first.text).toContain("Sales by day");
    const again = await staff.get(`/staff/reports?${year()}`);
    expect(again.text).toMatch(/Too many reports in a short time; try again in \d+ s\./);
    expect(again.text).not.toContain("Sales by day");
  });
});
