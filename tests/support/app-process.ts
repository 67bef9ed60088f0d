import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { freeLoopbackPort } from "@/db/embedded/free-port";

const root = path.resolve(import.meta.dirname, "../..");

export type AppProcess = {
  url: string;
  child: ChildProcess;
  /** Everything the process has printed so far, one entry per line. */
  lines: string[];
  logs: () => Record<string, unknown>[];
  exited: Promise<number | null>;
  waitForLine: (match: (line: string) => boolean, timeoutMs?: number) => Promise<string>;
  stop: (signal?: NodeJS.Signals) => Promise<number | null>;
};

/** Runs `npm start`'s entry point (node --import tsx src/server/main.ts) as its own process. */
export function launchApp(env: Record<string, string>, port: number, options: { uid?: number; gid?: number } = {}): AppProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "src/server/main.ts"], {
    cwd: root,
    env: { NODE_ENV: "production", PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", LOG_LEVEL: "info", PORT: String(port), HOST: "127.0.0.1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
    uid: options.uid,
    gid: options.gid,
  });
  const lines: string[] = [];
  const waiters = new Set<() => void>();
  for (const stream of [child.stdout, child.stderr]) {
    let buffered = "";
    stream.on("data", (chunk: Buffer) => {
      buffered += chunk.toString("utf8");
      const parts = buffered.split("\n");
      buffered = parts.pop() ?? "";
      lines.push(...parts);
      for (const wake of waiters) wake();
    });
  }
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));

  const waitForLine = (match: (line: string) => boolean, timeoutMs = 90_000) =>
    new Promise<string>((resolve, reject) => {
      const check = () => {
        const found = lines.find(match);
        if (found) {
          cleanup();
          resolve(found);
        }
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`timed out waiting for a line; output was:\n${lines.join("\n")}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        waiters.delete(check);
      };
      waiters.add(check);
      void exited.then(() => setTimeout(() => {
        if (!waiters.has(check)) return;
        cleanup();
        reject(new Error(`the app exited before the line appeared; output was:\n${lines.join("\n")}`));
      }, 50));
      check();
    });

  return {
    url: `http://127.0.0.1:${port}`,
    child,
    lines,
    logs: () => lines.filter((line) => line.startsWith("{")).map((line) => JSON.parse(line) as Record<string, unknown>),
    exited,
    waitForLine,
    stop: async (signal = "SIGTERM") => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** Starts the app and waits until it serves. */
export async function startApp(env: Record<string, string>, options: { uid?: number; gid?: number } = {}): Promise<AppProcess> {
  const app = launchApp(env, await freeLoopbackPort(), options);
  await app.waitForLine((line) => line.includes("Serving on http://"));
  return app;
}
