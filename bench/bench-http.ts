import http from "node:http";

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
