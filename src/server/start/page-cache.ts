import type http from "node:http";

/**
 * The catalogue pages (home, what's on, an exhibition): Back to them is the commonest way around the
 * site. Next sends `no-store` for every dynamic page, which keeps it out of browsers' back/forward
 * cache; `private, no-cache` lets a browser keep it (and nothing shared store it: the layout carries
 * the visitor's cart) while every ordinary load still asks the server. A page brought back shows
 * a fresh cart (CartProvider asks again). Cart, checkout, orders, account and staff pages keep
 * `no-store`: they show holds, orders or personal details that must not come back from a cache.
 */
const BACK_FORWARD_CACHEABLE = /^\/(exhibitions(\/[^/]+)?)?$/;
export const BACK_FORWARD_CACHE_CONTROL = "private, no-cache";

/** Marks a catalogue page's document answer cacheable by the browser alone; Next keeps a Cache-Control already set. */
export function allowBackForwardCache(req: http.IncomingMessage, res: http.ServerResponse, pathname: string): void {
  // Next's own fetches of a page's data (client navigations, prefetches) carry an `rsc` header and keep Next's headers.
  const isDocument = (req.method === "GET" || req.method === "HEAD") && req.headers.rsc === undefined;
  if (isDocument && BACK_FORWARD_CACHEABLE.test(pathname)) res.setHeader("cache-control", BACK_FORWARD_CACHE_CONTROL);
}
