import { afterEach, describe, expect, it } from "vitest";
import { lead } from "@/server/leader";
import { logger } from "@/server/logger";
import { databaseForThisFile } from "../support/database";

const db = databaseForThisFile();

type Candidate = { state: { working: boolean; starts: number }; stop: () => Promise<void> };
const running: Candidate[] = [];
/** A process's bid for the lead; `working` says whether its work runs now. */
function candidate(): Candidate {
  const state = { working: false, starts: 0 };
  const leadership = lead({
    connection: { connectionString: db.current.url },
    log: logger(),
    start: () => {
      state.working = true;
      state.starts++;
      return async () => {
        state.working = false;
      };
    },
  });
  const entry = { state, stop: leadership.stop };
  running.push(entry);
  return entry;
}
afterEach(async () => {
  await Promise.all(running.splice(0).map((entry) => entry.stop()));
});

async function eventually(check: () => boolean, timeoutMs = 10_000) {
  for (const deadline = Date.now() + timeoutMs; !check(); ) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
const leaders = (candidates: Candidate[]) => candidates.filter((one) => one.state.working);

describe("the lead of the background jobs", () => {
  it("is held by one process of several on the database", async () => {
    const candidates = [candidate(), candidate(), candidate()];
    await eventually(() => leaders(candidates).length === 1);
    await new Promise((resolve) => setTimeout(resolve, 4_500));
    expect(leaders(candidates)).toHaveLength(1);
    expect(candidates.reduce((sum, one) => sum + one.state.starts, 0)).toBe(1);
  });

  it("passes to another process within seconds when the leader's connection is cut, and the old leader stops", async () => {
    const candidates = [candidate(), candidate()];
    await eventually(() => leaders(candidates).length === 1);
    const [first] = leaders(candidates);
    await db.current.pool.query("SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND granted AND pid <> pg_backend_pid()");
    await eventually(() => !first!.state.working && leaders(candidates).length === 1 && leaders(candidates)[0] !== first);
  });

  it("is handed over when the leader stops", async () => {
    const candidates = [candidate(), candidate()];
    await eventually(() => leaders(candidates).length === 1);
    const [first] = leaders(candidates);
    await first!.stop();
    await eventually(() => leaders(candidates).length === 1 && leaders(candidates)[0] !== first);
  });
});
