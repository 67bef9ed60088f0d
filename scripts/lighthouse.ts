import fs from "node:fs/promises";
import path from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { startEmbeddedPostgres } from "@/db/embedded/embedded-postgres";
import { freeLoopbackPort } from "@/db/embedded/free-port";
import { ensureBuild } from "@/server/start/build";
import { findChromium } from "../tests/support/chromium";
import { launchApp } from "../tests/support/app-process";
import { CATEGORIES, needsAnotherRun, verdictOf, type RunScores } from "./lighthouse/verdict";
import { firstExhibitionSlug, guestCartCookie } from "./lighthouse/guest-cart";

/**
 * Lighthouse CI: audits home, an exhibition, the cart and checkout as a phone would see them
 * (Lighthouse's defaults: mobile emulation and simulated throttling) on the production server
 * with its own embedded PostgreSQL, prints one JSON line per page and category, and exits 1 when
 * a category is below 95. Performance is the best of up to 3 runs (see verdict.ts).
 */
const chromium = await findChromium();
// Built here rather than by the server, whose start would wait for the build only so long.
await ensureBuild({ log: (message) => process.stderr.write(`${message}\n`) });
const outDir = path.resolve(".tmp", "lighthouse");
await fs.rm(outDir, { recursive: true, force: true });
const dataDir = path.join(outDir, "data");
const database = await startEmbeddedPostgres({ dataDir, log: () => {} });
const app = launchApp({ DATABASE_URL: database.url, DATA_DIR: dataDir }, Number(process.env.LIGHTHOUSE_PORT ?? (await freeLoopbackPort())));
let failed = false;
let chrome: chromeLauncher.LaunchedChrome | undefined;
try {
  await app.waitForLine((line) => line.includes("Serving on http://"));
  const slug = await firstExhibitionSlug(app.url);
  const cookie = await guestCartCookie(app.url, slug);
  const pages = [
    { name: "home", path: "/" },
    { name: "exhibition", path: `/exhibitions/${slug}` },
    { name: "cart", path: "/cart", cookie },
    { name: "checkout", path: "/checkout", cookie },
  ];
  chrome = await chromeLauncher.launch({
    chromePath: chromium.executablePath,
    envVars: { ...(process.env as Record<string, string>), ...chromium.env },
    // Root in CI needs --no-sandbox; the rest keeps Chromium off the (absent) network.
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic"],
  });
  for (const page of pages) {
    const url = `${app.url}${page.path}`;
    // A fresh server loads a route's code on its first request; visitors meet a warm one.
    await fetch(url, { headers: page.cookie ? { cookie: page.cookie } : {} });
    const runs: RunScores[] = [];
    // Lighthouse's measure of how fast this machine ran during each run: a low one says it was busy.
    const benchmarkIndex: number[] = [];
    do {
      const result = await lighthouse(url, {
        port: chrome.port,
        logLevel: "error",
        output: "json",
        onlyCategories: [...CATEGORIES],
        extraHeaders: page.cookie ? { cookie: page.cookie } : undefined,
      });
      if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
      const { lhr } = result;
      if (lhr.runtimeError) throw new Error(`Lighthouse could not audit ${url}: ${lhr.runtimeError.message}`);
      await fs.writeFile(path.join(outDir, `${page.name}-${runs.length + 1}.json`), JSON.stringify(lhr));
      benchmarkIndex.push(Math.round(lhr.environment.benchmarkIndex));
      runs.push(Object.fromEntries(CATEGORIES.map((category) => [category, Math.round((lhr.categories[category]?.score ?? 0) * 100)])) as RunScores);
      // What costs points, for whoever has to fix it (stderr, so stdout stays one JSON line per score).
      for (const category of CATEGORIES) {
        for (const ref of lhr.categories[category]?.auditRefs ?? []) {
          const audit = lhr.audits[ref.id];
          if (ref.weight > 0 && audit && audit.score !== null && audit.score < 0.9) {
            process.stderr.write(`${page.name} run ${runs.length} ${category}: ${audit.id} ${audit.score} ${audit.displayValue ?? ""} ${audit.title}\n`);
          }
        }
      }
    } while (needsAnotherRun(runs));
    for (const verdict of verdictOf(runs)) {
      process.stdout.write(`${JSON.stringify({ page: page.name, url: page.path, ...verdict, ...(verdict.category === "performance" && { benchmarkIndex }) })}\n`);
      if (!verdict.pass) failed = true;
    }
  }
} finally {
  chrome?.kill();
  await app.stop();
  await database.stop();
}
if (failed) {
  process.stderr.write(`Lighthouse: a score is below 95 (reports in ${outDir}).\n`);
  process.exit(1);
}
