import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";

export const projectRoot = path.resolve(import.meta.dirname, "../../..");

const BUILD_INPUTS = ["src", "public", "messages", "next.config.ts", "postcss.config.mjs", "tsconfig.json", "package-lock.json"];
const STAMP = path.join(projectRoot, ".next", "source-hash");

async function filesUnder(entry: string): Promise<string[]> {
  const stat = await fs.stat(entry).catch(() => undefined);
  if (!stat) return [];
  if (!stat.isDirectory()) return [entry];
  const names = (await fs.readdir(entry)).sort();
  return (await Promise.all(names.map((name) => filesUnder(path.join(entry, name))))).flat();
}

/** A hash of everything the production build is made from. */
export async function sourceHash(): Promise<string> {
  const hash = createHash("sha256");
  for (const input of BUILD_INPUTS) {
    for (const file of await filesUnder(path.join(projectRoot, input))) {
      hash.update(path.relative(projectRoot, file)).update("\0").update(await fs.readFile(file)).update("\0");
    }
  }
  return hash.digest("hex");
}

async function isBuildCurrent(hash: string): Promise<boolean> {
  const [stamp, buildId] = await Promise.all([fs.readFile(STAMP, "utf8").catch(() => ""), fs.access(path.join(projectRoot, ".next", "BUILD_ID")).then(() => true, () => false)]);
  return buildId && stamp === hash;
}

const LOCK = path.join(projectRoot, ".next-build.lock");

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** One build at a time in this folder: two servers or test files starting on stale sources would otherwise build into one `.next` together. */
async function withBuildLock(work: () => Promise<void>): Promise<void> {
  for (;;) {
    const created = await fs.writeFile(LOCK, String(process.pid), { flag: "wx" }).then(() => true, (error: NodeJS.ErrnoException) => {
      if (error.code !== "EEXIST") throw error;
      return false;
    });
    if (created) break;
    const holder = Number(await fs.readFile(LOCK, "utf8").catch(() => ""));
    if (holder && isAlive(holder)) await new Promise((resolve) => setTimeout(resolve, 500));
    else await fs.rm(LOCK, { force: true });
  }
  try {
    await work();
  } finally {
    await fs.rm(LOCK, { force: true });
  }
}

/** Runs `next build` when the sources changed since the last build (or `force`), then stamps the build. */
export async function ensureBuild(options: { force?: boolean; log: (message: string) => void }): Promise<void> {
  const hash = await sourceHash();
  if (!options.force && (await isBuildCurrent(hash))) return;
  await withBuildLock(async () => {
    // Whoever held the lock may have just built these very sources.
    if (!options.force && (await isBuildCurrent(hash))) return;
    await build(hash, options.log);
  });
}

async function build(hash: string, log: (message: string) => void): Promise<void> {
  log("Building the web app (first start or sources changed); this takes a minute…");
  const next = path.join(projectRoot, "node_modules", "next", "dist", "bin", "next");
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, [next, "build"], { cwd: projectRoot, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
    child.on("error", reject);
    child.on("exit", resolve);
  });
  if (code !== 0) throw new Error(`next build failed (exit code ${code}); see its output above.`);
  await fs.writeFile(STAMP, hash);
}
