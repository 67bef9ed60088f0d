import http from "node:http";
import { Socket } from "node:net";
import { describe, expect, it } from "vitest";
import { allowBackForwardCache } from "./page-cache";

function cacheControlFor(method: string, pathname: string, headers: Record<string, string> = {}) {
  const req = new http.IncomingMessage(new Socket());
  req.method = method;
  Object.assign(req.headers, headers);
  const res = new http.ServerResponse(req);
  allowBackForwardCache(req, res, pathname);
  return res.getHeader("cache-control");
}

describe("allowBackForwardCache", () => {
  it("lets the browser alone keep the catalogue pages", () => {
    for (const pathname of ["/", "/exhibitions", "/exhibitions/chola-bronzes"]) expect(cacheControlFor("GET", pathname)).toBe("private, no-cache");
  });

  it("leaves Next's no-store on every other page, on Next's data fetches and on anything but a read", () => {
    for (const pathname of ["/cart", "/checkout", "/account", "/orders/1", "/pay/test/1", "/staff", "/exhibitions/a/b", "/api/exhibitions"]) {
      expect(cacheControlFor("GET", pathname)).toBeUndefined();
    }
    expect(cacheControlFor("GET", "/exhibitions/chola-bronzes", { rsc: "1" })).toBeUndefined();
    expect(cacheControlFor("POST", "/")).toBeUndefined();
  });
});
