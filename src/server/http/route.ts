import type { Ctx } from "@/domain/context";
import { isDomainError } from "@/domain/errors";
import { logger } from "../logger";
import { requestContext } from "../request-context";
import { errorResponse } from "./errors";
import { isHttpError } from "./http-error";
import { requestIdOf } from "./request-id";

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
      if (isDomainError(error)) {
        return errorResponse(error.code, error.message, requestId, { details: error.details, headers: error.code === "busy" ? { "retry-after": "1" } : {} });
      }
      if (isHttpError(error)) return errorResponse(error.code, error.message, requestId, { headers: error.headers });
      logger().error({ err: error, requestId, method: request.method, url: new URL(request.url).pathname }, "unhandled error");
      return errorResponse("internal", "Something went wrong on our side. It has been logged; please try again.", requestId);
    }
  };
}

export function json(body: unknown, init: { status?: number; headers?: HeadersInit } = {}): Response {
  return Response.json(body, { status: init.status ?? 200, headers: { "cache-control": "no-store", ...init.headers } });
}
