import { randomUUID } from "node:crypto";

// Set by the web server on every incoming request; a client's own value is overwritten.
export const REQUEST_ID_HEADER = "x-request-id";

export function requestIdOf(request: Request): string {
  return request.headers.get(REQUEST_ID_HEADER) ?? randomUUID();
}
