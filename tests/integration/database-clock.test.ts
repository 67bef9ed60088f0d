import { describe, expect, it } from "vitest";
import { measureClockOffset } from "@/server/clock";
import { databaseForThisFile } from "../support/database";

const db = databaseForThisFile();

describe("the database's clock", () => {
  it("is found from a host whose clock is an hour ahead, to within the round trip", async () => {
    const hostAhead = () => Date.now() + 3_600_000;
    const { offsetMs, roundTripMs } = await measureClockOffset(db.current.pool, hostAhead);
    // This test's host is the database's, so the true offset is the hour.
    expect(Math.abs(offsetMs + 3_600_000)).toBeLessThanOrEqual(roundTripMs / 2 + 5);
  });
});
