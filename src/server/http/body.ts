import { z } from "zod";
import { DomainError } from "@/domain/errors";
import { parseInput } from "@/domain/parse-input";
import { HttpError } from "./http-error";

export const MAX_BODY_BYTES = 64 * 1024;

/** The body's bytes, refused with 413 as soon as it is declared or read past `maxBytes` (`limit` says it for people). */
export async function readBytes(request: Request, maxBytes: number, limit: string): Promise<Buffer> {
  const tooLarge = () => new HttpError("payload_too_large", `The request body is over ${limit}.`);
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw tooLarge();
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

export async function readLimited(request: Request): Promise<string> {
  return new TextDecoder("utf-8", { fatal: false }).decode(await readBytes(request, MAX_BODY_BYTES, "64 KiB"));
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
  return parseInput(schema.strict(), parsed) as z.output<S>;
}
