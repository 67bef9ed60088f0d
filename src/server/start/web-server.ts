import { randomUUID } from "node:crypto";
import http from "node:http";
import type { Duplex } from "node:stream";
import type { Logger } from "../logger";
import type { Metrics } from "../metrics";
import { CLIENT_IP_HEADER } from "../http/rate-limit";
import { errorBody, statusOf } from "../http/errors";
import { REQUEST_ID_HEADER } from "../http/request-id";
import { clientAddress } from "./forwarded-for";
import { allowBackForwardCache } from "./page-cache";
import { serveDirect, type DirectRoutes } from "./direct-routes";
import { pathnameOf, refuseMalformed, type Refusal } from "./request-guard";

type Handle = (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>;

function writeError(res: http.ServerResponse, refusal: Refusal, requestId: string): void {
  res.writeHead(statusOf(refusal.code), { "content-type": "application/json", "cache-control": "no-store", ...refusal.headers }).end(JSON.stringify(errorBody(refusal.code, refusal.message, requestId)));
}

/**
 * The HTTP server in front of Next.js: a request id and the security headers on every answer, the
 * client's address for the rate limits, one log line and metrics for every answer.
 */
export function createWebServer(options: {
  handle: Handle;
  direct?: DirectRoutes;
  routeOf: (pathname: string) => string;
  methodsOf: Map<string, string[]>;
  log: Logger;
  metrics: Metrics;
  trustedProxies: number;
  headers: Record<string, string>;
}): http.Server {
  const { handle, direct, routeOf, methodsOf, log, metrics, trustedProxies, headers } = options;
  const server = http.createServer((req, res) => {
    const started = process.hrtime.bigint();
    const requestId = randomUUID();
    req.headers[REQUEST_ID_HEADER] = requestId;
    req.headers[CLIENT_IP_HEADER] = clientAddress(req, trustedProxies);
    res.setHeader(REQUEST_ID_HEADER, requestId);
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);

    res.on("close", () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const pathname = pathnameOf(req.url ?? "/") ?? "(malformed)";
      const route = routeOf(pathname);
      // 499 (nginx's "client closed request") for answers the client did not wait for.
      const status = res.writableFinished ? res.statusCode : 499;
      const labels = { method: req.method ?? "GET", route, status: String(status) };
      metrics.httpRequests.inc(labels);
      metrics.httpDuration.observe(labels, seconds);
      log.info({ requestId, method: req.method, route, path: pathname, status, durationMs: Math.round(seconds * 10_000) / 10 }, "request");
    });

    const refusal = refuseMalformed(req, (pathname) => methodsOf.get(routeOf(pathname)));
    if (refusal) return writeError(res, refusal, requestId);
    // The path as Next.js sees it (no query, no fragment), so both routers agree on what it names.
    const pathname = pathnameOf(req.url ?? "/");
    const fast = direct?.get(`${req.method} ${pathname}`);
    if (!fast && pathname) allowBackForwardCache(req, res, pathname);
    (fast ? serveDirect(fast, req, res) : handle(req, res)).catch((error: unknown) => {
      log.error({ err: error, requestId }, "request failed outside the route handler");
      if (res.headersSent) return res.destroy();
      writeError(res, { code: "internal", message: "Something went wrong on our side. It has been logged; please try again." }, requestId);
    });
  });
  // Neither reaches the request handler: a CONNECT, and a request Node's parser refuses (a method it
  // does not know, a malformed line). Without these, Node drops the connection or answers in plain text.
  server.on("connect", (req: http.IncomingMessage, socket: Duplex) => {
    endRaw(socket, { code: "method_not_allowed", message: "CONNECT is not a method this server serves." }, log);
  });
  server.on("clientError", (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === "ECONNRESET" || !socket.writable) return socket.destroy();
    endRaw(socket, { code: "invalid_request", message: "The request could not be read as HTTP/1.1." }, log);
  });
  return server;
}

/** An answer written straight to the socket, in API.md's shape, for requests Node does not hand to the server. */
function endRaw(socket: Duplex, refusal: Refusal, log: Logger): void {
  const requestId = randomUUID();
  const body = JSON.stringify(errorBody(refusal.code, refusal.message, requestId));
  const status = statusOf(refusal.code);
  const head = [`HTTP/1.1 ${status} ${http.STATUS_CODES[status]}`, "content-type: application/json", `content-length: ${Buffer.byteLength(body)}`, `${REQUEST_ID_HEADER}: ${requestId}`, "connection: close"];
  socket.end(`${head.join("\r\n")}\r\n\r\n${body}`);
  log.info({ requestId, status }, "request");
}
