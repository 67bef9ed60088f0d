import fs from "node:fs/promises";
import path from "node:path";

export type LockHolder = { pid: number; kind: "server" | "command" };

const lockFile = (dataDir: string) => path.join(dataDir, "server.pid");

async function holderKind(pid: number): Promise<LockHolder["kind"] | undefined> {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: alive, but another user's (an app started by root, seen from an ordinary account).
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return undefined;
  }
  // Where /proc exists, tell our server (or one of our commands, which hold the lock while they run
  // the embedded database) from an unrelated process that reused a dead holder's pid.
  const cmdline = await fs.readFile(`/proc/${pid}/cmdline`, "utf8").catch(() => undefined);
  if (cmdline === undefined || cmdline.includes("src/server/main")) return "server";
  return cmdline.includes("scripts/") ? "command" : undefined;
}

/** Who holds the DATA_DIR's lock, if anyone alive does. */
export async function lockHolder(dataDir: string): Promise<LockHolder | undefined> {
  const pid = Number(await fs.readFile(lockFile(dataDir), "utf8").catch(() => ""));
  if (!pid || pid === process.pid) return undefined;
  const kind = await holderKind(pid);
  return kind && { pid, kind };
}

/**
 * One app server per DATA_DIR: the embedded database is stopped by whoever started it, so a
 * second server there must not start (nor while a command such as user:create runs it). A lock
 * left by a killed server is taken over.
 */
export async function acquireInstanceLock(dataDir: string): Promise<() => Promise<void>> {
  const holder = await lockHolder(dataDir);
  if (holder) {
    const who = holder.kind === "server" ? "server" : "command";
    throw new Error(`Another ${who} (pid ${holder.pid}) is already running on ${dataDir}. ${holder.kind === "server" ? "Stop it first" : "Wait for it to finish"}, or give this one another DATA_DIR.`);
  }
  await fs.mkdir(dataDir, { recursive: true });
  await fs.writeFile(lockFile(dataDir), String(process.pid));
  return () => fs.rm(lockFile(dataDir), { force: true });
}
