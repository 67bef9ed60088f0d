import { describe, expect, it } from "vitest";
import { safeNext } from "./safe-next";

describe("where to go after signing in", () => {
  it.each(["/checkout", "/exhibitions/chola-bronzes?date=2026-12-01", "/orders/abc#tickets"])("keeps a path on this site: %s", (next) => {
    expect(safeNext(next)).toBe(next);
  });

  it.each([
    "//evil.example/x",
    "/\\evil.example/x",
    "/\t/evil.example/x",
    "/\t\\evil.example/x",
    "/\n/evil.example/x",
    "/\r\n\\evil.example",
    "\\\\evil.example",
    "/.//evil.example/x",
    "/%2e%2e//evil.example/x",
    "https://evil.example/x",
    "javascript:alert(1)",
    "",
  ])("never leads to another site: %j", (next) => {
    const target = safeNext(next);
    expect(new URL(target, "https://tickets.example").origin).toBe("https://tickets.example");
    expect(target).toMatch(/^\/(?![/\\])/);
    expect(target).not.toMatch(/[\u0000-\u001f\u007f]/);
  });

  it("percent-encodes control characters instead of passing them to a Location header", () => {
    expect(safeNext("/account\u0000x")).toBe("/account%00x");
  });
});
