import { readFileSync } from "node:fs";
import vm from "node:vm";
import { describe, expect, it } from "vitest";

const ORIGIN = "https://museum.test";

/** public/door-sw.js run as a browser runs it, with the network answering `page` and a cache of its own. */
function doorWorker() {
  const handlers = new Map<string, (event: unknown) => void>();
  const kept = new Map<string, Response>();
  const cache = {
    put: async (key: string, response: Response) => void kept.set(key, response),
    match: async (key: string) => kept.get(key)?.clone(),
  };
  let page = "";
  const self = { addEventListener: (type: string, handler: (event: unknown) => void) => handlers.set(type, handler), location: { origin: ORIGIN } };
  vm.runInNewContext(readFileSync("public/door-sw.js", "utf8"), { self, caches: { open: async () => cache }, fetch: async () => new Response(page, { status: 200, headers: { "content-type": "text/html" } }), URL });
  const open = async (html: string) => {
    page = html;
    let answer: Promise<Response> | undefined;
    handlers.get("fetch")!({ request: { method: "GET", url: `${ORIGIN}/staff/door`, mode: "navigate" }, respondWith: (response: Promise<Response>) => (answer = response) });
    return (await answer!).text();
  };
  const keptPage = async () => kept.get("/staff/door")?.clone().text();
  return { open, keptPage };
}

describe("the door's service worker", () => {
  it("keeps the scanner page, and not the refusal another account is shown on the same device", async () => {
    const worker = doorWorker();
    const scanner = '<main><h1>Door</h1><div data-testid="scan-result"></div></main>';
    const refusal = '<main><div data-testid="staff-refused"><p>403</p></div></main>';
    expect(await worker.open(scanner)).toBe(scanner);
    expect(await worker.keptPage()).toBe(scanner);
    expect(await worker.open(refusal)).toBe(refusal);
    expect(await worker.keptPage()).toBe(scanner);
  });
});
