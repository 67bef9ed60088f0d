import { createPrivateKey, createPublicKey, hkdfSync, sign, verify, type KeyObject } from "node:crypto";

import type { EntryWindow } from "../checkin/entry-window";
import { isTicketClaims } from "./ticket-claims";

/**
 * What a ticket's QR code says: enough for a door scanner to admit or refuse offline. `ticket`,
 * `slot` and `window` came with the door (migration 0012); a token from before has none of them.
 */
export type TicketClaims = { code: string; order: string; startsAt: string; exhibition: string; ticketType: string; ticket?: string; slot?: string; window?: EntryWindow };

// An Ed25519 private key in PKCS#8 DER is this fixed prefix followed by the 32-byte seed.
const PKCS8_ED25519_PREFIX = Buffer.from("302e020100300506032b657004220420", "hex");

/** The signing key pair, derived from a secret so that every server process signs alike and nothing else needs keeping. */
export function ticketKeys(secret: string): { privateKey: KeyObject; publicKey: KeyObject } {
  const seed = Buffer.from(hkdfSync("sha256", secret, "museum-tickets", "ticket-signing-ed25519", 32));
  const privateKey = createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]), format: "der", type: "pkcs8" });
  return { privateKey, publicKey: createPublicKey(privateKey) };
}

/** `payload.signature`, both base64url: the payload is the claims as JSON, signed with Ed25519. */
export function signTicket(claims: TicketClaims, privateKey: KeyObject): string {
  const payload = Buffer.from(JSON.stringify(claims));
  return `${payload.toString("base64url")}.${sign(null, payload, privateKey).toString("base64url")}`;
}

/** The claims of a token this key signed, or undefined for anything else (a changed byte, another key, garbage). */
export function verifyTicket(token: string, publicKey: KeyObject): TicketClaims | undefined {
  const [payload, signature, extra] = token.split(".");
  if (!payload || !signature || extra !== undefined) return undefined;
  const bytes = Buffer.from(payload, "base64url");
  const signed = Buffer.from(signature, "base64url");
  // Only the canonical spelling counts: base64's spare bits must not let two tokens carry one signature.
  if (bytes.toString("base64url") !== payload || signed.toString("base64url") !== signature) return undefined;
  if (!verify(null, bytes, publicKey, signed)) return undefined;
  try {
    const claims: unknown = JSON.parse(bytes.toString("utf8"));
    return isTicketClaims(claims) ? claims : undefined;
  } catch {
    return undefined;
  }
}
