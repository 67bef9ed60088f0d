import { sign } from "node:crypto";
import { describe, expect, it } from "vitest";
import { importTicketKey, readTicketToken } from "../checkin/offline-decision";
import { newTicketCode } from "./ticket-code";
import { signTicket, ticketKeys, verifyTicket } from "./ticket-token";

const claims = { code: "ABCD-EFGH-JKMN-PQRS", order: "1001", startsAt: "2026-11-22T05:00:00.000Z", exhibition: "Monsoon", ticketType: "Adult" };

describe("a ticket's signed token", () => {
  const keys = ticketKeys("a secret of at least thirty-two characters");

  it("verifies with the public key and gives back the claims", () => {
    expect(verifyTicket(signTicket(claims, keys.privateKey), keys.publicKey)).toEqual(claims);
  });

  it("fails when any one byte changes, in the payload or the signature", () => {
    const token = signTicket(claims, keys.privateKey);
    for (let i = 0; i < token.length; i++) {
      if (token[i] === ".") continue;
      const changed = token.slice(0, i) + (token[i] === "A" ? "B" : "A") + token.slice(i + 1);
      expect(verifyTicket(changed, keys.publicKey), `byte ${i}`).toBeUndefined();
    }
  });

  it("fails with another museum's key, and for garbage", () => {
    const other = ticketKeys("another secret of at least thirty-two characters");
    expect(verifyTicket(signTicket(claims, other.privateKey), keys.publicKey)).toBeUndefined();
    for (const garbage of ["", ".", "a.b", "a.b.c", "not a token"]) expect(verifyTicket(garbage, keys.publicKey)).toBeUndefined();
  });

  it("is not a ticket when what was signed is not the claims: not JSON, not an object, no code, or a code that is not text", async () => {
    const signedBytes = (text: string) => `${Buffer.from(text).toString("base64url")}.${sign(null, Buffer.from(text), keys.privateKey).toString("base64url")}`;
    const browserKey = await importTicketKey(keys.publicKey.export({ format: "jwk" }));
    const notClaims = ["not json", "null", "42", '"ABCD-EFGH-JKMN-PQRS"', "[]", "{}", ...[{ code: { toUpperCase: 1 } }, { code: 42 }, { code: ["ABCD"] }, { code: null }].map((code) => JSON.stringify({ ...claims, ...code }))];
    const oddParts = [{ ticket: 7 }, { slot: {} }, { window: "all day" }, { window: { opensAt: 1, closesAt: 2 } }, { startsAt: null }].map((part) => JSON.stringify({ ...claims, ...part }));
    for (const text of [...notClaims, ...oddParts]) {
      expect(verifyTicket(signedBytes(text), keys.publicKey), text).toBeUndefined();
      expect(await readTicketToken(signedBytes(text), browserKey), text).toBeUndefined();
    }
    const full = { ...claims, ticket: "t", slot: "s", window: { opensAt: "a", closesAt: "b" } };
    expect(verifyTicket(signedBytes(JSON.stringify(full)), keys.publicKey)).toEqual(full);
    expect(await readTicketToken(signedBytes(JSON.stringify(full)), browserKey)).toEqual(full);
  });

  it("comes from keys derived from the secret alone, the same in every process", () => {
    const again = ticketKeys("a secret of at least thirty-two characters");
    expect(verifyTicket(signTicket(claims, again.privateKey), keys.publicKey)).toEqual(claims);
  });
});

describe("ticket codes", () => {
  it("are 80 random bits in Crockford base32, grouped in fours", () => {
    const codes = Array.from({ length: 2000 }, newTicketCode);
    expect(new Set(codes).size).toBe(2000);
    for (const code of codes) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
  });
});
