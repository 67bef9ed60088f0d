import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";

export const projectRoot = path.resolve(import.meta.dirname, "../../..");

const BUILD_INPUTS = ["src", "public", "next.config.ts", "postcss.config.mjs", "tsconfig.json", "package-lock.json"];
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

/** Runs `next build` when the sources changed since the last build (or `force`), then stamps the build. */
export async function ensureBuild(options: { force?: boolean; log: (message: string) => void }): Promise<void> {
  const hash = await sourceHash();
  if (!options.force && (await isBuildCurrent(hash))) return;
  options.log("Building the web app (first start or sources changed); this takes a minute…");
  const next = path.join(projectRoot, "node_modules", "next", "dist", "bin", "next");
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, [next, "build"], { cwd: projectRoot, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
    child.on("error", reject);
    child.on("exit", resolve);
  });
  if (code !== 0) throw new Error(`next build failed (exit code ${code}); see its output above.`);
  await fs.writeFile(STAMP, hash);
}
