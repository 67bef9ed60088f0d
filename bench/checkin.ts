/**
 * npm run bench (second part): how long a door waits from a scan to its answer. Online, POST
 * /api/checkin on the production server, for tickets not yet in (each scan another ticket) and for
 * a ticket already in, against the cheapest authenticated GET (/api/me) measured in the same run;
 * offline, the scanner page's own work in WebCrypto (readTicketToken + decideOffline on a day's
 * lists of 5,000 admitted and 500 void tickets), against the bare Ed25519 verify of the same
 * tokens. Targets: p95 under 150 ms online, under 30 ms offline. One JSON line per figure.
 */
import { randomUUID } from "node:crypto";
import http from "node:http";
import pg from "pg";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { decideOffline, importTicketKey, readTicketToken, type OfflineKnowledge } from "@/domain/checkin/offline-decision";
import { BENCH_AUTH_SECRET, percentile, round, send, signedInCookie, withBenchServer } from "./bench-support";
import { doorTickets, tokenOf } from "../tests/support/door-fixtures";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
// Scanners at once: one door, and a busy morning's eight.
const GATES = (process.env.BENCH_GATES ?? "1,8").split(",").map(Number);
const ONLINE_TARGET_MS = 150;
const OFFLINE_TARGET_MS = 30;
// The day's lists a scanner holds offline.
const ADMITTED = 5_000;
const VOIDED = 500;
// Tickets for the admitting runs come in orders of this many.
const ORDER_SIZE = 100;


function figure(name: string, concurrency: number, latencies: number[], baseline?: { p50ms: number; p95ms: number }, targetMs?: number) {
  const sorted = [...latencies].sort((a, b) => a - b);
  const p50ms = round(percentile(sorted, 50));
  const p95ms = round(percentile(sorted, 95));
  return {
    name,
    concurrency,
    scans: latencies.length,
    p50ms,
    p95ms,
    ...(baseline && { p50RatioToBaseline: round(p50ms / baseline.p50ms), p95RatioToBaseline: round(p95ms / baseline.p95ms) }),
    maxMs: round(sorted.at(-1) ?? 0),
    ...(targetMs && { targetP95ms: targetMs, withinTarget: p95ms < targetMs }),
  };
}

/**
 * `concurrency` loops for SECONDS, each calling `measured` and then every baseline by turns, so
 * that a noisy machine slows them alike; stops early when `measured` has nothing left (false).
 */
async function drive(concurrency: number, measured: () => Promise<boolean>, baselines: (() => Promise<boolean>)[]): Promise<{ measured: number[]; baselines: number[][] }> {
  const times = { measured: [] as number[], baselines: baselines.map(() => [] as number[]) };
  const until = performance.now() + SECONDS * 1000;
  const timed = async (once: () => Promise<boolean>, into: number[]) => {
    const started = performance.now();
    const more = await once();
    if (more) into.push(performance.now() - started);
    return more;
  };
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < until) {
        if (!(await timed(measured, times.measured))) return;
        for (const [i, baseline] of baselines.entries()) await timed(baseline, times.baselines[i]!);
      }
    }),
  );
  return times;
}

async function outboxEmpty(db: Database) {
  const started = performance.now();
  for (;;) {
    const { rows } = await db.execute<{ waiting: number }>(sql`SELECT count(*)::int AS waiting FROM outbox WHERE done_at IS NULL AND dead_at IS NULL`);
    if (rows[0]!.waiting === 0) break;
    if (performance.now() - started > 300_000) throw new Error(`the outbox still has ${rows[0]!.waiting} jobs after 5 minutes`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  process.stderr.write(`the bench's orders were mailed in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
}

async function main() {
  // The scan limit is not what is measured here.
  await withBenchServer("checkin", { RATE_LIMIT_SCANS_PER_MINUTE: "1000000" }, async (server) => {
    const { db, url } = server;
    // Enough tickets that no admitting run runs out (it would stop early, and say so by its count).
    const tokens: string[] = [];
    for (let made = 0; made < Math.max(400, SECONDS * 120 * GATES.length); made += ORDER_SIZE) {
      const { tickets } = await doorTickets(db, ORDER_SIZE);
      tokens.push(...tickets.map((ticket) => tokenOf(ticket.claims, BENCH_AUTH_SECRET)));
    }
    // Their confirmation mails (a PDF each, drawn on the server's event loop) are sent first: what is
    // measured is the door on a server at rest, not the door behind hundreds of orders' mails.
    await outboxEmpty(db);
    // Made after the tickets: a kept-alive connection left idle that long is closed by the server under it.
    const agent = new http.Agent({ keepAlive: true, maxSockets: Math.max(...GATES) });
    const cookie = await signedInCookie(server, agent, "door");
    const expect = (status: number) => async (answer: Promise<{ status: number; text: string }>) => {
      const { status: got, text } = await answer;
      if (got !== status) throw new Error(`expected ${status}, got ${got}: ${text}`);
      return true;
    };

    const alreadyIn = tokens.pop()!;
    await expect(200)(send(agent, `${url}/api/checkin`, "POST", cookie, { token: alreadyIn, gate: "Bench" }));

    const me = () => expect(200)(send(agent, `${url}/api/me`, "GET", cookie));
    // The floor of any write on this disk: one committed (fsynced) row, straight through pg.
    const pool = new pg.Pool({ connectionString: server.databaseUrl, max: Math.max(...GATES) });
    await pool.query("CREATE TABLE bench_commits (id bigserial PRIMARY KEY)");
    const commit = async () => (await pool.query("INSERT INTO bench_commits DEFAULT VALUES")).rowCount === 1;
    const online = async (name: string, gates: number, once: () => Promise<boolean>) => {
      const { measured, baselines: [get, write] } = await drive(gates, once, [me, commit]);
      const baseline = figure("checkin-baseline-get-me", gates, get!);
      console.log(JSON.stringify(baseline));
      console.log(JSON.stringify(figure("checkin-baseline-one-commit", gates, write!)));
      console.log(JSON.stringify(figure(name, gates, measured, baseline, ONLINE_TARGET_MS)));
    };
    const scan = (token: string, status: number) => expect(status)(send(agent, `${url}/api/checkin`, "POST", cookie, { token, gate: "Bench" }));
    // Warm both paths up (the first requests of a route load its code).
    for (let i = 0; i < 20; i++) await Promise.all([me(), scan(alreadyIn, 409)]);
    for (const gates of GATES) {
      await online("checkin-online-admitted", gates, async () => {
        const token = tokens.pop();
        return token !== undefined && scan(token, 200);
      });
      await online("checkin-online-already-in", gates, () => scan(alreadyIn, 409));
    }
    await pool.end();

    // Offline: the key and lists as the scanner page gets them, padded to a big day.
    const list = await send(agent, `${url}/api/checkin/offline`, "GET", cookie);
    const published = JSON.parse(list.text) as { publicKey: { jwk: JsonWebKey }; entryWindow: OfflineKnowledge["entryWindow"] };
    const key = await importTicketKey(published.publicKey.jwk);
    const known: OfflineKnowledge = {
      void: new Set(Array.from({ length: VOIDED }, () => randomUUID())),
      admitted: new Map(Array.from({ length: ADMITTED }, () => [randomUUID(), { at: new Date().toISOString(), gate: "North" }])),
      entryWindow: published.entryWindow,
    };
    const { tickets } = await doorTickets(db, ORDER_SIZE);
    const offlineTokens = tickets.map((ticket) => tokenOf(ticket.claims, BENCH_AUTH_SECRET));
    const signed = offlineTokens.map((token) => token.split(".").map((part) => new Uint8Array(Buffer.from(part, "base64url"))));
    let next = 0;
    const offline = await drive(
      1,
      async () => {
        const claims = await readTicketToken(offlineTokens[next % offlineTokens.length]!, key);
        if (!claims || decideOffline(claims, known, new Date()).result !== "admitted") throw new Error("a valid token was not admitted offline");
        return true;
      },
      [
        async () => {
          const [payload, signature] = signed[next++ % signed.length]!;
          if (!(await crypto.subtle.verify({ name: "Ed25519" }, key, signature!, payload!))) throw new Error("a token of ours did not verify");
          return true;
        },
      ],
    );
    const verify = figure("checkin-offline-baseline-verify", 1, offline.baselines[0]!);
    console.log(JSON.stringify(verify));
    console.log(JSON.stringify(figure("checkin-offline-decide", 1, offline.measured, verify, OFFLINE_TARGET_MS)));
    agent.destroy();
  });
}

await main();
