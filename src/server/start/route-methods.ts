import fs from "node:fs";
import path from "node:path";

const METHODS = "GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS";
const DECLARED = new RegExp(`^export\\s+(?:const|async\\s+function|function)\\s+(${METHODS})\\b`, "gm");
const LISTED = /^export\s*\{([^}]*)\}/gm;
const NAMED = new RegExp(`(?:\\bas\\s+|^\\s*)(${METHODS})\\s*$`);

function exportedMethods(source: string): string[] {
  const found = [...source.matchAll(DECLARED)].map((match) => match[1]!);
  for (const [, list] of source.matchAll(LISTED)) {
    for (const name of list!.split(",")) {
      const method = NAMED.exec(name)?.[1];
      if (method) found.push(method);
    }
  }
  return found;
}

function routeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === "route.ts" ? [full] : [];
  });
}

/**
 * The methods each route handler serves, by route pattern (`/api/cart/items/[itemId]`), read from
 * the route files' exports. Next.js answers any other method with an empty 405 and no Allow header;
 * the web server answers it itself, in API.md's shape, from this table. HEAD comes with GET and
 * OPTIONS with every route, as Next.js implements both.
 */
export function routeMethods(appDir: string): Map<string, string[]> {
  const table = new Map<string, string[]>();
  for (const file of routeFiles(appDir)) {
    const segments = path.relative(appDir, path.dirname(file)).split(path.sep).filter((segment) => segment && !/^\(.*\)$/.test(segment));
    const methods = exportedMethods(fs.readFileSync(file, "utf8"));
    table.set(`/${segments.join("/")}`, [...new Set([...methods, ...(methods.includes("GET") ? ["HEAD"] : []), "OPTIONS"])]);
  }
  return table;
}
