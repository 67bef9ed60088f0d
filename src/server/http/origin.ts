import { config } from "../config";
import { HttpError } from "./http-error";

const hostOf = (url: string) => {
  try {
    return new URL(url).host;
  } catch {
    return undefined;
  }
};

/**
 * State-changing requests from browsers must come from our own pages. A request with no Origin
 * (curl, a kiosk, a server) carries no browser cookies to abuse and passes.
 */
export function checkSameOrigin(request: Request): void {
  if (request.headers.get("sec-fetch-site") === "cross-site") throw new HttpError("forbidden", "Requests from other sites are not accepted.");
  const origin = request.headers.get("origin");
  if (origin === null) return;
  const allowed = new Set([request.headers.get("host"), hostOf(config().publicUrl)].filter(Boolean));
  const host = origin === "null" ? undefined : hostOf(origin);
  if (!host || !allowed.has(host)) throw new HttpError("forbidden", "Requests from other sites are not accepted.");
}
