import { randomBytes } from "node:crypto";

type Handler = (request: Request, context: { params: Promise<any> }) => Promise<Response>; // eslint-disable-line @typescript-eslint/no-explicit-any
type Options = { body?: unknown; params?: object; headers?: Record<string, string> };

/**
 * One browser calling route handlers in-process: it keeps the cookies it is given (and drops those
 * cleared with Max-Age=0), sends them back, and comes from an address of its own.
 */
export function device(address = `10.${randomBytes(3).join(".")}`) {
  const jar = new Map<string, string>();
  const cookieHeader = () => [...jar].map(([name, value]) => `${name}=${value}`).join("; ");

  async function send(handler: Handler, method: string, path: string, options: Options = {}) {
    const headers: Record<string, string> = { "x-client-ip": address, "x-request-id": "test-request", ...options.headers };
    if (options.body !== undefined) headers["content-type"] = "application/json";
    if (jar.size > 0) headers.cookie = cookieHeader();
    const request = new Request(`http://localhost${path}`, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
    const response = await handler(request, { params: Promise.resolve(options.params ?? {}) });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(";");
      const [name, value] = [pair!.slice(0, pair!.indexOf("=")), pair!.slice(pair!.indexOf("=") + 1)];
      if (/max-age=0/i.test(cookie)) jar.delete(name);
      else jar.set(name, value);
    }
    const text = await response.text();
    return { status: response.status, headers: response.headers, setCookies: response.headers.getSetCookie(), body: text ? JSON.parse(text) : undefined };
  }

  return { send, jar, address, cookieHeader };
}

export type Device = ReturnType<typeof device>;
