import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll } from "vitest";

export type Owner = { uid: number; gid: number };

/** Fresh DATA_DIRs under the system's temp folder (owned by `owner` when given), removed after the file's tests. */
export function tempDataDirs(prefix: string) {
  const made: string[] = [];
  afterAll(() => {
    for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
  });
  return (owner?: Owner) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    if (owner) fs.chownSync(dir, owner.uid, owner.gid);
    made.push(dir);
    return dir;
  };
}

/** The ordinary account tests run the app as when they are started by root. */
export const nobody = (): Owner => ({ uid: Number(execFileSync("id", ["-u", "nobody"], { encoding: "utf8" })), gid: Number(execFileSync("id", ["-g", "nobody"], { encoding: "utf8" })) });
