import { brand } from "./brand";

export type DomainErrorCode =
  | "invalid_request"
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "insufficient_capacity"
  | "sold_out"
  | "cart_empty"
  | "cart_expired"
  | "idempotency_conflict"
  | "already_checked_in"
  | "slot_closed"
  | "limit_exceeded"
  | "companion_required"
  | "ticket_type_unavailable"
  | "order_not_paid"
  | "order_has_no_email"
  | "slug_taken"
  | "capacity_below_taken"
  | "ticket_void"
  | "order_not_refundable"
  | "last_admin"
  | "code_taken"
  | "no_active_ticket_type"
  | "payload_too_large"
  | "unsupported_media_type"
  | "not_sold_out"
  | "busy";

const domainError = brand<DomainError>("DomainError");

/** The only error the domain core throws: a code from API.md, a sentence for people, and fields for clients. */
export class DomainError extends Error {
  override name = "DomainError";
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
    options: { cause?: unknown } = {},
  ) {
    super(message, options);
    domainError.mark(this);
  }
}

export const isDomainError = domainError.is;
