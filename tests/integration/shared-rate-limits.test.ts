import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { connectDatabase, type DatabaseHandle } from "@/db/client";
import { freeLoopbackPort } from "@/db/embedded/free-port";
import { forgetFinishedRateLimits, sharedLimiter } from "@/server/http/database-rate-limiter";
import { databaseForThisFile } from "../support/database";

const db = databaseForThisFile();
const handles: DatabaseHandle[] = [];
/** A pool of its own, as another server process on the same database has. */
const anotherProcess = (url = db.current.url) => {
  const handle = connectDatabase(url, { onError: () => undefined });
  handles.push(handle);
  return handle.pool;
};
afterAll(() => Promise.all(handles.map((handle) => handle.close())));
afterEach(() => {
  vi.useRealTimers();
});

const outcomes = (attempts: Promise<unknown>[]) => Promise.all(attempts.map((attempt) => attempt.then(() => "allowed", (rejection: unknown) => (rejection instanceof Error ? rejection : "refused"))));

describe("a limiter counted in the database", () => {
  it("shares one count between processes: 5 a minute is 5, not 5 per process", async () => {
    const limit = { keyPrefix: "shared-test", points: 5, duration: 60, whenStoreFails: "refuse" } as const;
    const [first, second] = [sharedLimiter(anotherProcess(), limit), sharedLimiter(anotherProcess(), limit)];
    const results = [];
    for (let i = 0; i < 10; i++) results.push(await outcomes([(i % 2 ? first : second).consume("someone@example.org")]));
    expect(results.flat()).toEqual([...Array(5).fill("allowed"), ...Array(5).fill("refused")]);
    // Counted exactly under concurrency too: one conditional upsert per attempt.
    const burst = await outcomes(Array.from({ length: 20 }, (_, i) => (i % 2 ? first : second).consume("burst@example.org")));
    expect(burst.filter((result) => result === "allowed")).toHaveLength(5);
  });

  it("counts a process's concurrent attempts together in one statement, each with its own count", async () => {
    const limiter = sharedLimiter(anotherProcess(), { keyPrefix: "batch-test", points: 5, duration: 60, whenStoreFails: "refuse" });
    const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => limiter.consume(i % 2 ? "one" : "two").then((res) => res.consumedPoints, () => "refused")));
    expect(answers.filter((answer) => answer === "refused")).toEqual([]);
    expect(answers.filter((_, i) => i % 2).sort()).toEqual([1, 2, 3, 4]);
    const more = await Promise.all(Array.from({ length: 3 }, () => limiter.consume("one").then((res) => res.consumedPoints, () => "refused")));
    expect(more).toEqual([5, "refused", "refused"]);
  });

  it("times windows by the database's clock, not by a process whose clock runs ahead", async () => {
    const limit = { keyPrefix: "clock-test", points: 2, duration: 60, whenStoreFails: "refuse" } as const;
    const [honest, ahead] = [sharedLimiter(anotherProcess(), limit), sharedLimiter(anotherProcess(), limit)];
    await honest.consume("key");
    await honest.consume("key");
    // This process's clock says the window ended long ago; the database's says it has not.
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + 3_600_000 });
    const refusal = await ahead.consume("key").then(() => undefined, (rejection: { msBeforeNext: number }) => rejection);
    expect(refusal?.msBeforeNext).toBeGreaterThan(50_000);
    expect(refusal?.msBeforeNext).toBeLessThanOrEqual(60_000);
  });

  it("forgets counts whose window has ended", async () => {
    const limiter = sharedLimiter(anotherProcess(), { keyPrefix: "short", points: 1, duration: 1, whenStoreFails: "refuse" });
    await limiter.consume("gone");
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    await forgetFinishedRateLimits(db.current.db);
    const { rows } = await db.current.pool.query("SELECT key FROM rate_limits WHERE key LIKE 'short:%'");
    expect(rows).toEqual([]);
  });

  it("with its store out of reach, refuses (sign-in) or counts in this process only (cart writes)", async () => {
    const unreachable = anotherProcess(`postgres://nobody:nothing@127.0.0.1:${await freeLoopbackPort()}/none`);
    const refusing = sharedLimiter(unreachable, { keyPrefix: "down-a", points: 2, duration: 60, whenStoreFails: "refuse" });
    const [failure] = await outcomes([refusing.consume("key")]);
    expect(failure).toBeInstanceOf(Error);

    const counting = sharedLimiter(unreachable, { keyPrefix: "down-b", points: 2, duration: 60, whenStoreFails: "count-per-process" });
    expect(await outcomes([counting.consume("key"), counting.consume("key"), counting.consume("key")])).toEqual(["allowed", "allowed", "refused"]);
  });
});
