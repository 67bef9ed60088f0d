import { createHash, randomBytes } from "node:crypto";

/** A link's secret: 256 random bits. Offers' tokens are made by the database (migration 0019) and hash the same way. */
export const newToken = (): string => randomBytes(32).toString("base64url");

/** What is stored of a token: its SHA-256, hex, as the database's `encode(sha256(...), 'hex')` writes it. */
export const hashToken = (token: string): string => createHash("sha256").update(token, "utf8").digest("hex");

/** Tokens a link may carry: ours are 43 (base64url) or 64 (hex) characters. */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{32,128}$/;

/** The outbox kinds of the waiting list's e-mails; the entry is their subject, the token their payload. */
export const WAITLIST_MAILS = { joined: "waitlist_joined", offer: "waitlist_offer" } as const;

export const DEFAULT_WAITLIST_HOLD_SECONDS = 1800;
