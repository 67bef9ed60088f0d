import { randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import http from "node:http";
import path from "node:path";
import { createCredentialUser } from "@/db/accounts";
import { connectDatabase, type Database } from "@/db/client";
import { startEmbeddedPostgres } from "@/db/embedded/embedded-postgres";
import { freeLoopbackPort } from "@/db/embedded/free-port";
import { migrateDatabase } from "@/db/migrate";
import { ensureBuild } from "@/server/start/build";
import { launchApp } from "../tests/support/app-process";

export const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
export const round = (ms: number) => Math.round(ms * 100) / 100;

/** One request on the bench's kept-alive agent, as the session `cookie`; the cookies it sets, as a next request sends them. */
export function send(agent: http.Agent, url: string, method: string, cookie: string, body?: unknown): Promise<{ status: number; text: string; cookies: string[] }> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method, agent, headers: { cookie, ...(payload !== undefined && { "content-type": "application/json", "content-length": Buffer.byteLength(payload) }) } }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8"), cookies: (response.headers["set-cookie"] ?? []).map((line) => line.split(";")[0]!) }));
    });
    request.on("error", reject);
    request.end(payload);
  });
}

export const BENCH_AUTH_SECRET = "bench-auth-secret-0123456789abcdef-0123";

export type BenchServer = { url: string; databaseUrl: string; db: Database };

/**
 * The production server as `npm start` runs it, on an embedded PostgreSQL of its own that its first
 * start seeds with the demo museum, for `work`; all of it stopped and deleted afterwards.
 */
export async function withBenchServer(name: string, env: Record<string, string>, work: (server: BenchServer) => Promise<void>): Promise<void> {
  const dataDir = path.resolve(".tmp", `bench-${name}-${process.pid}`);
  await fs.rm(dataDir, { recursive: true, force: true });
  await ensureBuild({ log: (message) => process.stderr.write(`${message}\n`) });
  const database = await startEmbeddedPostgres({ dataDir, log: () => {} });
  const app = launchApp({ DATABASE_URL: database.url, AUTH_SECRET: BENCH_AUTH_SECRET, DATA_DIR: path.join(dataDir, "app"), ...env }, await freeLoopbackPort());
  try {
    await migrateDatabase(database.url);
    await app.waitForLine((line) => line.includes("Serving on"));
    const { db, close } = connectDatabase(database.url);
    try {
      await work({ url: app.url, databaseUrl: database.url, db });
    } finally {
      await close();
    }
  } finally {
    await app.stop();
    await database.stop();
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}

/** A new staff account of `role`, signed in on `agent`: the session cookie its requests send. */
export async function signedInCookie(server: BenchServer, agent: http.Agent, role: "door" | "staff"): Promise<string> {
  const email = `${role}-${randomUUID().slice(0, 8)}@museum.example`;
  const password = "a long enough password";
  await createCredentialUser(server.db, { email, name: `Bench ${role}`, password, role, now: new Date() });
  const signIn = await send(agent, `${server.url}/api/auth/sign-in/email`, "POST", "", { email, password });
  if (signIn.status !== 200) throw new Error(`sign-in answered ${signIn.status}: ${signIn.text}`);
  return signIn.cookies.join("; ");
}
