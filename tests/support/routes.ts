type RouteHandler<P> = (request: Request, context: { params: Promise<P> }) => Promise<Response>;

/** Calls a Next.js route handler the way the framework does, and reads its JSON answer. */
export async function call<P>(handler: RouteHandler<P>, path: string, params: P = {} as P, init: RequestInit = {}) {
  const response = await handler(new Request(`http://localhost${path}`, { headers: { "x-request-id": "test-request" }, ...init }), { params: Promise.resolve(params) });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
}
