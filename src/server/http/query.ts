import { z } from "zod";
import { DomainError } from "@/domain/errors";

/** Parses a query string strictly: unknown or repeated parameters are the client's mistake, named in `fields`. */
export function parseQuery<S extends z.ZodObject>(request: Request, schema: S): z.output<S> {
  const params = new URL(request.url).searchParams;
  const fields: Record<string, string> = {};
  const values: Record<string, string> = {};
  for (const [key, value] of params) {
    if (key in values) fields[key] = "must be given once";
    values[key] = value;
  }
  const result = schema.strict().safeParse(values);
  if (!result.success) {
    for (const issue of result.error.issues) {
      if (issue.code === "unrecognized_keys") for (const key of issue.keys) fields[key] = "is not a known parameter";
      else fields[String(issue.path[0] ?? "query")] = issue.message;
    }
  }
  if (Object.keys(fields).length > 0 || !result.success) {
    throw new DomainError("invalid_request", "Some query parameters are not valid.", { fields });
  }
  return result.data as z.output<S>;
}
