import { randomBytes } from "node:crypto";

// Crockford's base32: no I, L, O or U, so a code read out at the door cannot be misheard.
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** 80 random bits as 16 characters, in groups of four: unguessable, and short enough to type. */
export function newTicketCode(): string {
  const bytes = randomBytes(10);
  let bits = 0n;
  for (const byte of bytes) bits = (bits << 8n) | BigInt(byte);
  let code = "";
  for (let i = 0; i < 16; i++) {
    code = ALPHABET[Number(bits & 31n)]! + code;
    bits >>= 5n;
  }
  return code.match(/.{4}/g)!.join("-");
}
