import { createHash, randomBytes } from "node:crypto";
import { parse, serialize } from "cookie";
import type { CartOwner } from "@/domain/cart/cart-owner";
import { config } from "./config";

const COOKIE = "cart";
const MAX_AGE_SECONDS = 7 * 24 * 60 * 60;
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

const hash = (token: string) => createHash("sha256").update(token).digest("hex");

/** The guest whose `cart` cookie this Cookie header carries, if it carries a well-formed one. */
export function cartOwnerOfCookies(cookieHeader: string | null): CartOwner | undefined {
  const token = parse(cookieHeader ?? "")[COOKIE];
  return token && TOKEN.test(token) ? { kind: "guest", tokenHash: hash(token) } : undefined;
}

export function cartOwnerOf(request: Request): CartOwner | undefined {
  return cartOwnerOfCookies(request.headers.get("cookie"));
}

/** A new guest identity: 256 random bits for the cookie, only their hash for the database. */
export function newGuest(): { owner: CartOwner; cookie: string } {
  const token = randomBytes(32).toString("base64url");
  return {
    owner: { kind: "guest", tokenHash: hash(token) },
    cookie: serialize(COOKIE, token, { httpOnly: true, sameSite: "lax", path: "/", maxAge: MAX_AGE_SECONDS, secure: config().production }),
  };
}
