import { z } from "zod";
import { DomainError } from "@/domain/errors";
import { HttpError } from "./http-error";

export const MAX_BODY_BYTES = 64 * 1024;

export async function readLimited(request: Request): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) throw new HttpError("payload_too_large", "The request body is over 64 KiB.");
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      throw new HttpError("payload_too_large", "The request body is over 64 KiB.");
    }
    chunks.push(value);
  }
  return new TextDecoder("utf-8", { fatal: false }).decode(Buffer.concat(chunks));
}

/** A JSON body of the given shape, or the API.md error for what is wrong with it (415, 413, 400 with fields). */
export async function readJson<S extends z.ZodObject>(request: Request, schema: S): Promise<z.output<S>> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/json\s*(;|$)/i.test(type)) throw new HttpError("unsupported_media_type", "Send the body as JSON (Content-Type: application/json).");
  const text = await readLimited(request);
  if (text.trim() === "") throw new DomainError("invalid_request", "The request body is empty.", { fields: { body: "is required" } });
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new DomainError("invalid_request", "The request body is not valid JSON.", { fields: { body: "must be valid JSON" } });
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new DomainError("invalid_request", "The request body must be a JSON object.", { fields: { body: "must be a JSON object" } });
  }
  const result = schema.strict().safeParse(parsed);
  if (!result.success) {
    const fields: Record<string, string> = {};
    for (const issue of result.error.issues) {
      if (issue.code === "unrecognized_keys") for (const key of issue.keys) fields[key] = "is not a known field";
      else fields[String(issue.path[0] ?? "body")] ??= issue.message;
    }
    throw new DomainError("invalid_request", "Some fields are not valid.", { fields });
  }
  return result.data as z.output<S>;
}
