import http from "node:http";
import { expect } from "vitest";

export type Answer = { status: number; headers: http.IncomingHttpHeaders; text: string; body: any }; // eslint-disable-line @typescript-eslint/no-explicit-any

type Options = { body?: unknown; raw?: string | Buffer; headers?: Record<string, string>; timeoutMs?: number };

/**
 * One raw HTTP/1.1 exchange through node:http, which, unlike fetch, sends any method, path and
 * header a script could. An event stream is cut after its headers.
 */
export function request(base: string, method: string, target: string, options: Options = {}): Promise<Answer> {
  const url = new URL(base);
  const payload = options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  const headers: Record<string, string | number> = { ...(options.body !== undefined && { "content-type": "application/json" }), ...options.headers };
  if (payload !== undefined) headers["content-length"] = Buffer.byteLength(payload);
  return new Promise((resolve, reject) => {
    const outgoing = http.request({ host: url.hostname, port: url.port, method, path: target, headers, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      if (String(response.headers["content-type"]).startsWith("text/event-stream")) {
        response.destroy();
        return resolve({ status: response.statusCode!, headers: response.headers, text: "", body: undefined });
      }
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("error", reject);
      response.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        let body: unknown;
        try {
          body = text ? JSON.parse(text) : undefined;
        } catch {
          body = undefined;
        }
        resolve({ status: response.statusCode!, headers: response.headers, text, body });
      });
    });
    // A CONNECT's answer comes as the tunnel's start, not as a response.
    outgoing.on("connect", (response: http.IncomingMessage, socket: import("node:net").Socket, head: Buffer) => {
      socket.destroy();
      const text = head.toString("utf8");
      resolve({ status: response.statusCode!, headers: response.headers, text, body: text ? JSON.parse(text) : undefined });
    });
    outgoing.setTimeout(options.timeoutMs ?? 30_000, () => outgoing.destroy(new Error(`${method} ${target} timed out`)));
    outgoing.on("error", reject);
    outgoing.end(payload);
  });
}

/** A visitor's browser in a test: keeps its cookies and sends a same-site Origin on writes. */
export function httpClient(base: string) {
  const cookies = new Map<string, string>();
  const send = async (method: string, target: string, options: Options = {}): Promise<Answer> => {
    const jar = [...cookies].map(([name, value]) => `${name}=${value}`).join("; ");
    const headers = { ...(method !== "GET" && { origin: base }), ...(jar && { cookie: jar }), ...options.headers };
    const answer = await request(base, method, target, { ...options, headers });
    for (const line of [answer.headers["set-cookie"] ?? []].flat()) {
      const [pair, ...attributes] = line.split(";");
      const [name, ...value] = pair!.split("=");
      const expired = attributes.some((attribute) => /^\s*max-age=0\s*$/i.test(attribute));
      if (expired || value.join("=") === "") cookies.delete(name!.trim());
      else cookies.set(name!.trim(), value.join("="));
    }
    return answer;
  };
  return { send, cookies, get: (target: string, options?: Options) => send("GET", target, options), post: (target: string, body?: unknown, options?: Options) => send("POST", target, { body, ...options }) };
}

/** API.md's error shape, with the request id of the answer's own header. */
export function expectApiError(answer: Answer, status: number, code: string): void {
  expect({ status: answer.status, code: answer.body?.error?.code }, answer.text).toEqual({ status, code });
  expect(answer.headers["content-type"]).toMatch(/^application\/json/);
  expect(answer.body.error.message).toEqual(expect.any(String));
  expect(answer.body.error.requestId).toBe(answer.headers["x-request-id"]);
}
