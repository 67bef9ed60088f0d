import fs from "node:fs/promises";
import path from "node:path";

async function isOurServer(pid: number): Promise<boolean> {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  // Where /proc exists, tell our server from an unrelated process that reused a dead server's pid.
  const cmdline = await fs.readFile(`/proc/${pid}/cmdline`, "utf8").catch(() => undefined);
  return cmdline === undefined || cmdline.includes("src/server/main");
}

/**
 * One app server per DATA_DIR: the embedded database is stopped by whoever started it, so a
 * second server there must not start. A lock left by a killed server is taken over.
 */
export async function acquireInstanceLock(dataDir: string): Promise<() => Promise<void>> {
  const file = path.join(dataDir, "server.pid");
  const holder = Number(await fs.readFile(file, "utf8").catch(() => ""));
  if (holder && holder !== process.pid && (await isOurServer(holder))) {
    throw new Error(`Another server (pid ${holder}) is already running on ${dataDir}. Stop it first, or give this one another DATA_DIR.`);
  }
  await fs.mkdir(dataDir, { recursive: true });
  await fs.writeFile(file, String(process.pid));
  return () => fs.rm(file, { force: true });
}
