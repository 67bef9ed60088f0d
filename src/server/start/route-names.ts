import fs from "node:fs";
import path from "node:path";

type Manifest = { staticRoutes: { page: string }[]; dynamicRoutes: { page: string; regex: string }[] };

/**
 * Maps a request path to the route pattern Next.js serves it with (`/api/exhibitions/[slug]`), so
 * metrics are labelled by route, not by every slug and id a visitor types.
 */
export function routeNamer(buildDir: string): (pathname: string) => string {
  const manifest = JSON.parse(fs.readFileSync(path.join(buildDir, "routes-manifest.json"), "utf8")) as Manifest;
  const staticPages = new Set(manifest.staticRoutes.map((route) => route.page));
  const dynamic = manifest.dynamicRoutes.map((route) => ({ page: route.page, regex: new RegExp(route.regex) }));
  return (pathname) => {
    if (pathname.startsWith("/_next/")) return "/_next/*";
    const trimmed = pathname.length > 1 ? pathname.replace(/\/$/, "") : pathname;
    if (staticPages.has(trimmed)) return trimmed;
    return dynamic.find((route) => route.regex.test(trimmed))?.page ?? "(other)";
  };
}
