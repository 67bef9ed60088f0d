import { config } from "../config";
import { HttpError } from "./http-error";

const originOf = (url: string) => URL.parse(url)?.origin;

/**
 * The origins our own pages are served from: the site's (PUBLIC_URL: scheme, host and port) and,
 * for a visit by another name (the LAN address, a test's 127.0.0.1), that host over plain http,
 * the only scheme this server speaks itself. A host that is PUBLIC_URL's is only PUBLIC_URL's
 * scheme: with PUBLIC_URL on https, a page on http://the-same-host is another site.
 */
function ownOrigins(request: Request): Set<string> {
  const site = URL.parse(config().publicUrl)!;
  const host = request.headers.get("host");
  const direct = host && host !== site.host ? originOf(`http://${host}`) : undefined;
  return new Set(direct ? [site.origin, direct] : [site.origin]);
}

/**
 * State-changing requests from browsers must come from our own pages, compared by scheme, host
 * and port. A request with no Origin (curl, a kiosk, a server) carries no browser cookies to abuse
 * and passes.
 */
export function checkSameOrigin(request: Request): void {
  if (request.headers.get("sec-fetch-site") === "cross-site") throw new HttpError("forbidden", "Requests from other sites are not accepted.");
  const origin = request.headers.get("origin");
  if (origin === null) return;
  if (!ownOrigins(request).has(originOf(origin) ?? "")) throw new HttpError("forbidden", "Requests from other sites are not accepted.");
}
