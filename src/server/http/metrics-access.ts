import { createHash, timingSafeEqual } from "node:crypto";
import { config } from "../config";
import { HttpError } from "./http-error";

const digest = (value: string) => createHash("sha256").update(value).digest();

/**
 * /metrics tells sales and sign-in failure volumes, so it answers only a scraper holding
 * METRICS_TOKEN (`Authorization: Bearer …`, 401 otherwise). Without a token configured it does
 * not exist (404) in any environment: forgetting a variable must not open it to the world.
 */
export function checkMetricsAccess(request: Request): void {
  const token = config().metricsToken;
  if (!token) throw new HttpError("not_found", "Metrics are off: set METRICS_TOKEN to scrape them.");
  const given = /^Bearer\s+(\S+)$/i.exec(request.headers.get("authorization") ?? "")?.[1] ?? "";
  // Digests of equal length, so the comparison takes the same time whatever was sent.
  if (!timingSafeEqual(digest(given), digest(token))) {
    throw new HttpError("unauthenticated", "Metrics need Authorization: Bearer and the METRICS_TOKEN.", { "www-authenticate": 'Bearer realm="metrics"' });
  }
}
