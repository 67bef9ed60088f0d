import { describe, expect, it } from "vitest";
import { needsAnotherRun, verdictOf, type RunScores } from "../../scripts/lighthouse/verdict";

const run = (performance: number, rest = 100): RunScores => ({ performance, accessibility: rest, "best-practices": rest, seo: rest });

describe("Lighthouse verdict", () => {
  it("keeps the best performance run and passes at 95", () => {
    const [performance] = verdictOf([run(80), run(95), run(90)]);
    expect(performance).toEqual({ category: "performance", score: 95, runs: [80, 95, 90], pass: true });
  });

  it("keeps the worst run of the categories that do not depend on timing", () => {
    const verdicts = verdictOf([run(99, 100), run(99, 94)]);
    expect(verdicts.filter((verdict) => verdict.category !== "performance").every((verdict) => verdict.score === 94 && !verdict.pass)).toBe(true);
  });

  it("runs again only while performance alone fails, at most three times", () => {
    expect(needsAnotherRun([run(99)])).toBe(false);
    expect(needsAnotherRun([run(90)])).toBe(true);
    expect(needsAnotherRun([run(90), run(91)])).toBe(true);
    expect(needsAnotherRun([run(90), run(91), run(92)])).toBe(false);
    expect(needsAnotherRun([run(90, 80)])).toBe(false);
  });
});
