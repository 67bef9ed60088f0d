import type http from "node:http";

type RouteHandler = (request: Request, context: { params: Promise<Record<string, never>> }) => Promise<Response>;
export type DirectRoutes = Map<string, RouteHandler>;

/**
 * The hot path of an on-sale rush, served by the same route handler Next.js would call, without
 * Next's per-request machinery, which costs more than the add itself (decision 9). Exact paths
 * only: a route with parameters is never served here, so no two routers can disagree about a path.
 */
export async function directRoutes(): Promise<DirectRoutes> {
  const { POST: addToCart } = await import("@/app/api/cart/items/route");
  return new Map<string, RouteHandler>([["POST /api/cart/items", addToCart]]);
}

/** Calls a route handler with the Node request as a web Request, and writes its Response back. */
export async function serveDirect(handler: RouteHandler, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  // Node's Request takes the request stream itself as the body (an async iterable), with duplex "half".
  const init = { method: req.method, headers, body: hasBody ? (req as unknown as BodyInit) : undefined, duplex: "half" } as RequestInit;
  const request = new Request(`http://${req.headers.host ?? "localhost"}${req.url ?? "/"}`, init);
  const response = await handler(request, { params: Promise.resolve({}) });
  res.statusCode = response.status;
  response.headers.forEach((value, name) => {
    if (name !== "set-cookie") res.setHeader(name, value);
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) res.setHeader("set-cookie", cookies);
  // A body the handler did not read (a refusal before reading) cannot share the connection with the next request.
  if (hasBody && !req.readableEnded) res.setHeader("connection", "close");
  res.end(Buffer.from(await response.arrayBuffer()));
}
