import { randomUUID } from "node:crypto";
import http from "node:http";
import type { Logger } from "../logger";
import type { Metrics } from "../metrics";
import { CLIENT_IP_HEADER } from "../http/rate-limit";
import { REQUEST_ID_HEADER } from "../http/request-id";
import { clientAddress } from "./client-address";
import { serveDirect, type DirectRoutes } from "./direct-routes";

type Handle = (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>;

const INTERNAL_ERROR = (requestId: string) =>
  JSON.stringify({ error: { code: "internal", message: "Something went wrong on our side. It has been logged; please try again.", requestId } });

/**
 * The HTTP server in front of Next.js: a request id and the security headers on every answer, the
 * client's address for the rate limits, one log line and metrics for every answer.
 */
export function createWebServer(options: {
  handle: Handle;
  direct?: DirectRoutes;
  routeOf: (pathname: string) => string;
  log: Logger;
  metrics: Metrics;
  trustedProxies: number;
  headers: Record<string, string>;
}): http.Server {
  const { handle, direct, routeOf, log, metrics, trustedProxies, headers } = options;
  return http.createServer((req, res) => {
    const started = process.hrtime.bigint();
    const requestId = randomUUID();
    req.headers[REQUEST_ID_HEADER] = requestId;
    req.headers[CLIENT_IP_HEADER] = clientAddress(req, trustedProxies);
    res.setHeader(REQUEST_ID_HEADER, requestId);
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);

    res.on("close", () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const pathname = new URL(req.url ?? "/", "http://localhost").pathname;
      const route = routeOf(pathname);
      // 499 (nginx's "client closed request") for answers the client did not wait for.
      const status = res.writableFinished ? res.statusCode : 499;
      const labels = { method: req.method ?? "GET", route, status: String(status) };
      metrics.httpRequests.inc(labels);
      metrics.httpDuration.observe(labels, seconds);
      log.info({ requestId, method: req.method, route, path: pathname, status, durationMs: Math.round(seconds * 10_000) / 10 }, "request");
    });

    const fast = direct?.get(`${req.method} ${(req.url ?? "/").split("?")[0]}`);
    (fast ? serveDirect(fast, req, res) : handle(req, res)).catch((error: unknown) => {
      log.error({ err: error, requestId }, "request failed outside the route handler");
      if (res.headersSent) return res.destroy();
      res.writeHead(500, { "content-type": "application/json" }).end(INTERNAL_ERROR(requestId));
    });
  });
}
