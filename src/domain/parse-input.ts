import type { z } from "zod";
import { DomainError } from "./errors";

/** `value` read by `schema`, or 400 invalid_request naming each field that is wrong (API.md's `fields`). */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) {
    if (issue.code === "unrecognized_keys") for (const key of issue.keys) fields[key] = "is not a known field";
    else fields[String(issue.path[0] ?? "body")] ??= issue.message;
  }
  throw new DomainError("invalid_request", "Some fields are not valid.", { fields });
}
