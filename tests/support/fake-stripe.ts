import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll } from "vitest";
import { stripeProvider } from "@/server/payments/stripe-provider";

export type StripeRequest = { method: string; path: string; body: URLSearchParams; idempotencyKey: string | undefined };

/**
 * A local stand-in for api.stripe.com, for the file that calls it: records what the SDK sends and
 * answers as Stripe would. Checkout Sessions are kept, so a test can expire or complete one; a
 * refund answers `refundError` when a test sets one.
 */
export function fakeStripeForThisFile() {
  const state = {
    received: [] as StripeRequest[],
    sessions: new Map<string, "open" | "complete" | "expired">(),
    refundError: undefined as { code: string; message: string } | undefined,
    provider: undefined as unknown as ReturnType<typeof stripeProvider>,
  };
  const sessionBody = (id: string) => {
    const status = state.sessions.get(id)!;
    return { id, object: "checkout.session", status, url: status === "open" ? `https://checkout.stripe.com/c/pay/${id}` : null };
  };
  const server = http.createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => {
      const idempotencyKey = request.headers["idempotency-key"];
      state.received.push({ method: request.method!, path: request.url!, body: new URLSearchParams(body), idempotencyKey: typeof idempotencyKey === "string" ? idempotencyKey : undefined });
      const answer = (status: number, json: object) => {
        response.statusCode = status;
        response.setHeader("content-type", "application/json");
        response.end(JSON.stringify(json));
      };
      const session = /^\/v1\/checkout\/sessions\/([^/?]+)/.exec(request.url!);
      if (request.method === "POST" && request.url === "/v1/checkout/sessions") {
        const id = `cs_test_${state.sessions.size + 1}`;
        state.sessions.set(id, "open");
        return answer(200, sessionBody(id));
      }
      if (request.method === "GET" && session && state.sessions.has(session[1]!)) return answer(200, sessionBody(session[1]!));
      if (request.method === "POST" && request.url === "/v1/refunds") {
        if (state.refundError) return answer(400, { error: { type: "invalid_request_error", ...state.refundError } });
        return answer(200, { id: "re_1", object: "refund", status: "succeeded" });
      }
      answer(404, { error: { type: "invalid_request_error", message: `no fake for ${request.method} ${request.url}` } });
    });
  });
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    state.provider = stripeProvider({ secretKey: "sk_test_local", webhookSecret: "whsec_local_test_secret", connection: { host: "127.0.0.1", port: (server.address() as AddressInfo).port, protocol: "http" } });
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return state;
}
