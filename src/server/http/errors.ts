import type { DomainErrorCode } from "@/domain/errors";

export type ErrorCode = DomainErrorCode | "email_taken" | "rate_limited" | "internal" | "unavailable" | "method_not_allowed";

// API.md's status table, in exactly one place.
const STATUS: Record<ErrorCode, number> = {
  invalid_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  insufficient_capacity: 409,
  sold_out: 409,
  cart_empty: 409,
  cart_expired: 409,
  idempotency_conflict: 409,
  already_checked_in: 409,
  order_not_paid: 409,
  order_has_no_email: 409,
  slug_taken: 409,
  capacity_below_taken: 409,
  ticket_void: 409,
  order_not_refundable: 409,
  last_admin: 409,
  code_taken: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  slot_closed: 422,
  not_sold_out: 422,
  email_taken: 422,
  limit_exceeded: 422,
  companion_required: 422,
  ticket_type_unavailable: 422,
  no_active_ticket_type: 422,
  rate_limited: 429,
  internal: 500,
  busy: 503,
  unavailable: 503,
};

export function statusOf(code: ErrorCode): number {
  return STATUS[code];
}

/** API.md's error body. */
export function errorBody(code: ErrorCode, message: string, requestId: string, details: Record<string, unknown> = {}): { error: Record<string, unknown> } {
  return { error: { code, message, requestId, ...details } };
}

export function errorResponse(
  code: ErrorCode,
  message: string,
  requestId: string,
  options: { details?: Record<string, unknown>; headers?: HeadersInit; body?: Record<string, unknown> } = {},
): Response {
  const body = { ...options.body, ...errorBody(code, message, requestId, options.details) };
  return Response.json(body, { status: STATUS[code], headers: { "cache-control": "no-store", ...options.headers } });
}
