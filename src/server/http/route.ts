import type { Ctx } from "@/domain/context";
import { isDomainError } from "@/domain/errors";
import { logger } from "../logger";
import { requestContext } from "../request-context";
import { messageIn } from "./error-message";
import { errorResponse } from "./errors";
import { isHttpError } from "./http-error";
import { requestIdOf } from "./request-id";
import { requestLocale } from "./request-locale";

type Handler<P> = (input: { request: Request; params: P; ctx: Ctx; requestId: string }) => Promise<Response>;

/**
 * Wraps a route handler: builds the domain context, and turns whatever it throws into API.md's
 * error shape — a DomainError into its status, anything else into a logged 500.
 */
export function route<P = Record<string, never>>(handler: Handler<P>) {
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    const requestId = requestIdOf(request);
    try {
      return await handler({ request, params: await context.params, ctx: requestContext(), requestId });
    } catch (error) {
      const locale = requestLocale(request.headers);
      if (isDomainError(error)) {
        const headers: Record<string, string> = error.code === "busy" ? { "retry-after": "1" } : {};
        return errorResponse(error.code, messageIn(locale, error.code, error.message, { details: error.details, headers }), requestId, { details: error.details, headers });
      }
      if (isHttpError(error)) return errorResponse(error.code, messageIn(locale, error.code, error.message, { headers: error.headers, key: error.messageKey }), requestId, { headers: error.headers });
      logger().error({ err: error, requestId, method: request.method, url: new URL(request.url).pathname }, "unhandled error");
      return errorResponse("internal", messageIn(locale, "internal", "Something went wrong on our side. It has been logged; please try again."), requestId);
    }
  };
}

export function json(body: unknown, init: { status?: number; headers?: HeadersInit } = {}): Response {
  return Response.json(body, { status: init.status ?? 200, headers: { "cache-control": "no-store", ...init.headers } });
}
