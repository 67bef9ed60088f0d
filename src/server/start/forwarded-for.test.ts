import type http from "node:http";
import { describe, expect, it } from "vitest";
import { clientAddress } from "./forwarded-for";

const request = (forwardedFor?: string | string[]) => ({ headers: { "x-forwarded-for": forwardedFor }, socket: { remoteAddress: "10.0.0.2" } }) as unknown as http.IncomingMessage;

describe("the client's address", () => {
  it("is the socket's peer when no proxy is trusted, whatever X-Forwarded-For says", () => {
    expect(clientAddress(request("203.0.113.9"), 0)).toBe("10.0.0.2");
  });

  it("behind one proxy is the entry that proxy appended, not what the client wrote before it", () => {
    expect(clientAddress(request("198.51.100.66, 203.0.113.9"), 1)).toBe("203.0.113.9");
    expect(clientAddress(request("1.1.1.1,2.2.2.2 , 203.0.113.9"), 1)).toBe("203.0.113.9");
  });

  it("behind two proxies is the second entry from the right", () => {
    expect(clientAddress(request("198.51.100.66, 203.0.113.9, 192.0.2.1"), 2)).toBe("203.0.113.9");
    expect(clientAddress(request(["198.51.100.66, 203.0.113.9", "192.0.2.1"]), 2)).toBe("203.0.113.9");
  });

  it("falls back to what the proxies did vouch for when the header is short or missing", () => {
    expect(clientAddress(request("203.0.113.9"), 2)).toBe("203.0.113.9");
    expect(clientAddress(request(), 1)).toBe("10.0.0.2");
    expect(clientAddress(request(""), 1)).toBe("10.0.0.2");
  });
});
