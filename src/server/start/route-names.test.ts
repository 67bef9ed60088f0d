import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { routeNamer } from "./route-names";

describe("route names for metrics", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "routes-"));
  fs.writeFileSync(
    path.join(dir, "routes-manifest.json"),
    JSON.stringify({
      staticRoutes: [{ page: "/" }, { page: "/api/exhibitions" }, { page: "/metrics" }],
      dynamicRoutes: [
        { page: "/api/exhibitions/[slug]", regex: "^/api/exhibitions/([^/]+?)(?:/)?$" },
        { page: "/api/exhibitions/[slug]/slots", regex: "^/api/exhibitions/([^/]+?)/slots(?:/)?$" },
        { page: "/api/[...path]", regex: "^/api/(.+?)(?:/)?$" },
      ],
    }),
  );
  const routeOf = routeNamer(dir);

  it("labels by pattern, never by the slug a visitor typed", () => {
    expect(routeOf("/")).toBe("/");
    expect(routeOf("/api/exhibitions")).toBe("/api/exhibitions");
    expect(routeOf("/api/exhibitions/")).toBe("/api/exhibitions");
    expect(routeOf("/api/exhibitions/chola-bronzes")).toBe("/api/exhibitions/[slug]");
    expect(routeOf("/api/exhibitions/anything/slots")).toBe("/api/exhibitions/[slug]/slots");
    expect(routeOf("/api/what/ever")).toBe("/api/[...path]");
    expect(routeOf("/_next/static/chunks/abc.js")).toBe("/_next/*");
    expect(routeOf("/no-such-page")).toBe("(other)");
  });
});
