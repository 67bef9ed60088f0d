import { brand } from "@/domain/brand";
import type { ErrorCode } from "./errors";

const httpError = brand<HttpError>("HttpError");

/** A refusal that belongs to HTTP rather than to the domain (415, 413, 429, 403 for a foreign origin). */
export class HttpError extends Error {
  override name = "HttpError";
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly headers: Record<string, string> = {},
    /** The sentence to say instead in other languages (messages/<locale>/errors.json), when the code's own would mislead. */
    readonly messageKey?: string,
  ) {
    super(message);
    httpError.mark(this);
  }
}

export const isHttpError = httpError.is;
