import { createHash, randomBytes } from "node:crypto";
import { parse, serialize } from "cookie";
import type { CartOwner } from "@/domain/cart/cart-owner";
import { config } from "./config";

export const GUEST_COOKIE = "cart";
const MAX_AGE_SECONDS = 7 * 24 * 60 * 60;
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

const hash = (token: string) => createHash("sha256").update(token).digest("hex");

export const guestCookieOptions = () => ({ httpOnly: true, sameSite: "lax" as const, path: "/", secure: config().production });

/** The guest whose `cart` cookie this Cookie header carries, if it carries a well-formed one. */
export function guestOfCookies(cookieHeader: string | null): CartOwner | undefined {
  const token = parse(cookieHeader ?? "")[GUEST_COOKIE];
  return token && TOKEN.test(token) ? { kind: "guest", tokenHash: hash(token) } : undefined;
}

/** A new guest identity: 256 random bits for the cookie, only their hash for the database. */
export function newGuest(): { owner: CartOwner; cookie: string } {
  const token = randomBytes(32).toString("base64url");
  return {
    owner: { kind: "guest", tokenHash: hash(token) },
    cookie: serialize(GUEST_COOKIE, token, { ...guestCookieOptions(), maxAge: MAX_AGE_SECONDS }),
  };
}
