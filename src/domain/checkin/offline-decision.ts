import { isTicketClaims } from "../tickets/ticket-claims";
import type { TicketClaims } from "../tickets/ticket-token";
import { insideWindow, type EntryWindow } from "./entry-window";

/**
 * Deciding a scan without a network, as the door's scanner page does in the browser (and the bench
 * in Node): only WebCrypto and the day's lists, nothing of the server's.
 */
export type OfflineKnowledge = {
  /** Ticket ids voided, as of the last list. */
  void: ReadonlySet<string>;
  /** Ticket ids admitted, by the server or by this device since: when, and at which gate. */
  admitted: ReadonlyMap<string, { at: string; gate: string | null }>;
  /** For a token signed before tokens carried their own window. */
  entryWindow: { opensMinutesBefore: number; closesMinutesAfter: number };
};

export type OfflineDecision =
  | { result: "admitted"; claims: TicketClaims }
  | { result: "already_checked_in"; claims: TicketClaims; at: string; gate: string | null }
  | { result: "void"; claims: TicketClaims }
  | { result: "outside_window"; claims: TicketClaims; window: EntryWindow }
  | { result: "unknown" };

const fromBase64Url = (text: string): Uint8Array<ArrayBuffer> => {
  const base64 = text.replace(/-/g, "+").replace(/_/g, "/");
  return Uint8Array.from(atob(base64 + "=".repeat((4 - (base64.length % 4)) % 4)), (char) => char.charCodeAt(0));
};
const toBase64Url = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");

/** The published key (GET /api/checkin/offline, /api/tickets/public-key) as WebCrypto's Ed25519 key. */
export function importTicketKey(jwk: JsonWebKey): Promise<CryptoKey> {
  return crypto.subtle.importKey("jwk", jwk, { name: "Ed25519" }, false, ["verify"]);
}

/** The claims of a token this key signed, or undefined: the same rules as the server's verifyTicket. */
export async function readTicketToken(token: string, key: CryptoKey): Promise<TicketClaims | undefined> {
  const [payload, signature, extra] = token.trim().split(".");
  if (!payload || !signature || extra !== undefined) return undefined;
  try {
    const bytes = fromBase64Url(payload);
    const signed = fromBase64Url(signature);
    // Only the canonical spelling counts: base64's spare bits must not let two tokens carry one signature.
    if (toBase64Url(bytes) !== payload || toBase64Url(signed) !== signature) return undefined;
    if (!(await crypto.subtle.verify({ name: "Ed25519" }, key, signed, bytes))) return undefined;
    const claims: unknown = JSON.parse(new TextDecoder().decode(bytes));
    return isTicketClaims(claims) ? claims : undefined;
  } catch {
    return undefined;
  }
}

/** The id the day's lists know a ticket by: its id, or for a token from before tokens carried it, its code. */
export const listedId = (claims: TicketClaims): string => claims.ticket ?? claims.code;

/** What the door does with a verified token when it cannot ask the server. */
export function decideOffline(claims: TicketClaims, known: OfflineKnowledge, now: Date): OfflineDecision {
  const id = listedId(claims);
  if (known.void.has(id)) return { result: "void", claims };
  const admitted = known.admitted.get(id);
  if (admitted) return { result: "already_checked_in", claims, ...admitted };
  const startsAt = Date.parse(claims.startsAt);
  const window = claims.window ?? {
    opensAt: new Date(startsAt - known.entryWindow.opensMinutesBefore * 60_000).toISOString(),
    closesAt: new Date(startsAt + known.entryWindow.closesMinutesAfter * 60_000).toISOString(),
  };
  if (!insideWindow(window, now)) return { result: "outside_window", claims, window };
  return { result: "admitted", claims };
}
