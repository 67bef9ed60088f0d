export const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
export type Category = (typeof CATEGORIES)[number];
/** One Lighthouse run of one page: each category's score out of 100. */
export type RunScores = Record<Category, number>;

export const MIN_SCORE = 95;
export const MAX_RUNS = 3;

export type CategoryVerdict = { category: Category; score: number; runs: number[]; pass: boolean };

/**
 * Performance is timed on a shared, noisy machine, so a page keeps the best of its runs; the other
 * categories inspect the page itself and must hold on every run, so they keep the worst.
 */
export function verdictOf(runs: RunScores[]): CategoryVerdict[] {
  if (runs.length === 0) throw new Error("a page needs at least one run to be judged");
  return CATEGORIES.map((category) => {
    const scores = runs.map((run) => run[category]);
    const score = category === "performance" ? Math.max(...scores) : Math.min(...scores);
    return { category, score, runs: scores, pass: score >= MIN_SCORE };
  });
}

/** Another run is worth it only while performance, the one noisy category, is what fails. */
export function needsAnotherRun(runs: RunScores[]): boolean {
  if (runs.length >= MAX_RUNS) return false;
  const verdicts = verdictOf(runs);
  return verdicts.some((verdict) => verdict.category === "performance" && !verdict.pass) && verdicts.every((verdict) => verdict.category === "performance" || verdict.pass);
}
