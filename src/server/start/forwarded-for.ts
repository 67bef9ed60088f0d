import type http from "node:http";

/**
 * Who sent a request. With no proxy trusted, the socket's peer. Behind `trustedProxies` proxies,
 * each appends the address it received from to X-Forwarded-For, so the client is the entry that
 * many places from the right (the right-most for one proxy); entries further left were written by
 * the client and prove nothing. A request with fewer entries than proxies (one that bypassed some)
 * gets the left-most, the closest to the client any trusted proxy vouched for.
 */
export function clientAddress(req: Pick<http.IncomingMessage, "headers" | "socket">, trustedProxies: number): string {
  const socket = req.socket.remoteAddress ?? "unknown";
  if (trustedProxies === 0) return socket;
  const header = req.headers["x-forwarded-for"];
  const hops = (Array.isArray(header) ? header.join(",") : (header ?? ""))
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (hops.length === 0) return socket;
  return hops[Math.max(0, hops.length - trustedProxies)]!;
}
