import { execFileSync } from "node:child_process";

export type RunAs = { uid: number; gid: number; name: string };

const lookup = (name: string): RunAs | undefined => {
  try {
    const uid = Number(execFileSync("id", ["-u", name], { encoding: "utf8" }).trim());
    const gid = Number(execFileSync("id", ["-g", name], { encoding: "utf8" }).trim());
    return { uid, gid, name };
  } catch {
    return undefined;
  }
};

/**
 * PostgreSQL refuses to run as root. Started as root, we run it as the system user `postgres`,
 * creating that user when the machine has none.
 */
export function postgresRunAs(): RunAs | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const existing = lookup("postgres");
  if (existing) return existing;
  try {
    execFileSync("useradd", ["--system", "--user-group", "--no-create-home", "--shell", "/usr/sbin/nologin", "postgres"], { stdio: "pipe" });
  } catch (error) {
    throw new Error(`Running as root, PostgreSQL needs a 'postgres' system user and it could not be created: ${(error as Error).message.split("\n")[0]}`);
  }
  const created = lookup("postgres");
  if (!created) throw new Error("Running as root, PostgreSQL needs a 'postgres' system user and none could be found after creating it.");
  return created;
}
