"use client";

/** A server's answer as the door needs it: the status and the body, refusals included (a 409 is a result, not a failure). */
export type DoorReply = { status: number; body: Record<string, unknown> };

/** Thrown when no answer came at all: the door then decides by itself. */
export const NETWORK_DOWN = "network_down";

/**
 * Calls the door's API. Unlike staffApi it hands back refusals with their status, and it tells a
 * network failure (no answer: decide offline) from an answer.
 */
export async function doorApi(path: string, body?: unknown): Promise<DoorReply> {
  const headers: Record<string, string> = { accept: "application/json" };
  // No Idempotency-Key: each scan's own scanId makes a retry safe, and a key would also run a whole upload in one transaction.
  if (body !== undefined) headers["content-type"] = "application/json";
  let response: Response;
  try {
    response = await fetch(path, { method: body === undefined ? "GET" : "POST", headers, body: body === undefined ? undefined : JSON.stringify(body), cache: "no-store" });
  } catch {
    throw new Error(NETWORK_DOWN);
  }
  return { status: response.status, body: (await response.json().catch(() => ({}))) as Record<string, unknown> };
}

export const isNetworkDown = (error: unknown) => error instanceof Error && error.message === NETWORK_DOWN;

/** What a scanner read, as the API takes it: a QR's text (it holds a ".") is a token, anything else a typed code. */
export const scannedText = (text: string) => (text.includes(".") ? { token: text } : { code: text });
