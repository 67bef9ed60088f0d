import path from "node:path";
import { describe, expect, it } from "vitest";
import { routeMethods } from "./route-methods";

const appDir = path.resolve(import.meta.dirname, "../../app");
const HTTP_METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

describe("routeMethods", () => {
  it("reads from each route file exactly the methods its module exports", async () => {
    const table = routeMethods(appDir);
    expect(table.size).toBeGreaterThan(15);
    for (const [pattern, methods] of table) {
      const exported = Object.keys(await import(path.join(appDir, pattern, "route.ts"))).filter((name) => HTTP_METHODS.has(name));
      expect(methods.filter((method) => method !== "OPTIONS" && !(method === "HEAD" && !exported.includes("HEAD"))).sort(), pattern).toEqual(exported.sort());
    }
    expect(table.get("/api/cart")).toEqual(["GET", "HEAD", "OPTIONS"]);
    expect(table.get("/api/[...path]")).toEqual(["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]);
  });
});
