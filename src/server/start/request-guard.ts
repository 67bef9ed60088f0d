import type http from "node:http";
import type { ErrorCode } from "../http/errors";

const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];
const CONTROL = /[\u0000-\u001f\u007f]/;

export type Refusal = { code: ErrorCode; message: string; headers?: Record<string, string> };

/** The path as Next.js sees it (no query, no fragment), or undefined for a target no URL can be made of (`//[`). */
export function pathnameOf(target: string): string | undefined {
  return URL.canParse(target, "http://localhost") ? new URL(target, "http://localhost").pathname : undefined;
}

/**
 * Requests that no route can be asked about: Next.js and undici throw on them (an unknown method, a
 * Host that makes no URL, a path that does not decode), which would answer 500 for a client's
 * mistake, or answer them outside API.md's shape (a method the route does not serve). They are
 * refused before routing.
 */
export function refuseMalformed(req: http.IncomingMessage, allowedOn: (pathname: string) => string[] | undefined): Refusal | undefined {
  if (!METHODS.includes(req.method ?? "")) {
    return { code: "method_not_allowed", message: `${req.method} is not a method this server serves.`, headers: { allow: METHODS.join(", ") } };
  }
  const host = req.headers.host;
  if (host !== undefined && !URL.canParse(`http://${host}/`)) return { code: "invalid_request", message: "The Host header is not a host name." };
  const target = req.url ?? "/";
  if (!target.startsWith("/")) return { code: "invalid_request", message: "The request target must be a path." };
  let path: string;
  try {
    path = decodeURIComponent(target.split("?")[0]!);
  } catch {
    return { code: "invalid_request", message: "The address is not valid: it has a broken %-escape." };
  }
  if (CONTROL.test(path)) return { code: "invalid_request", message: "The address is not valid: it has a control character." };
  const pathname = pathnameOf(target);
  if (pathname === undefined) return { code: "invalid_request", message: "The address is not valid: it makes no URL." };
  // Next.js would answer an empty 405 with no Allow header.
  const allowed = allowedOn(pathname);
  if (allowed && !allowed.includes(req.method!)) return { code: "method_not_allowed", message: `${req.method} is not served here.`, headers: { allow: allowed.join(", ") } };
  return undefined;
}
