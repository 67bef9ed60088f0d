"use client";

/** An API refusal as the console shows it: API.md's code and message, and its other fields (`fields`, `taken`, …). */
export type StaffApiProblem = Error & { code: string; details: Record<string, unknown> };

/**
 * Calls the staff API from a console page. Every write carries a fresh Idempotency-Key, so a
 * double click or a retried request applies once; a refusal throws a StaffApiProblem with API.md's message.
 */
export async function staffApi<T>(path: string, init: { method?: string; body?: unknown; idempotencyKey?: string } = {}): Promise<T> {
  const method = init.method ?? "GET";
  const headers: Record<string, string> = { accept: "application/json" };
  // A caller that may retry the same change after a lost answer (a sale at the counter) keeps its own key.
  if (method !== "GET") headers["idempotency-key"] = init.idempotencyKey ?? crypto.randomUUID();
  // A file (an image) goes as it is, with its own type; anything else as JSON.
  const file = init.body instanceof Blob ? init.body : undefined;
  if (init.body !== undefined) headers["content-type"] = file ? file.type : "application/json";
  const response = await fetch(path, { method, headers, body: file ?? (init.body === undefined ? undefined : JSON.stringify(init.body)) });
  const body = (await response.json().catch(() => ({}))) as { error?: { code: string; message: string } & Record<string, unknown> };
  if (!response.ok) {
    const { code = "internal", message = `The server answered ${response.status}.`, ...details } = body.error ?? {};
    throw Object.assign(new Error(message), { code, details }) as StaffApiProblem;
  }
  return body as T;
}

/** The message to show for whatever a console action threw. */
export const problemMessage = (error: unknown): string => (error instanceof Error ? error.message : "Something went wrong; please try again.");
