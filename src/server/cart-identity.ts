import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { parse, serialize } from "cookie";
import type { CartOwner } from "@/domain/cart/cart-owner";
import { config, derivedKey } from "./config";

export const GUEST_COOKIE = "cart";
const MAX_AGE_SECONDS = 7 * 24 * 60 * 60;
// 256 random bits and their MAC, both base64url.
const SIGNED_TOKEN = /^([A-Za-z0-9_-]{43})\.([A-Za-z0-9_-]{43})$/;

const hash = (token: string) => createHash("sha256").update(token).digest("hex");
const macOf = (token: string) => createHmac("sha256", derivedKey("guest-cart-cookie")).update(token).digest();

export const guestCookieOptions = () => ({ httpOnly: true, sameSite: "lax" as const, path: "/", secure: config().production });

/**
 * The guest whose `cart` cookie this Cookie header carries, if this server issued it. A cookie
 * made up by the client (any well-formed token would otherwise name a cart of its own, each with
 * its own limits) or signed with another key counts as no cookie at all.
 */
export function guestOfCookies(cookieHeader: string | null): CartOwner | undefined {
  const match = SIGNED_TOKEN.exec(parse(cookieHeader ?? "")[GUEST_COOKIE] ?? "");
  if (!match) return undefined;
  const [, token, mac] = match as unknown as [string, string, string];
  const given = Buffer.from(mac, "base64url");
  // Only the canonical spelling counts, so one token has exactly one cookie.
  if (given.toString("base64url") !== mac || !timingSafeEqual(given, macOf(token))) return undefined;
  return { kind: "guest", tokenHash: hash(token) };
}

/** A new guest identity: 256 random bits and the server's MAC of them for the cookie, only their hash for the database. */
export function newGuest(): { owner: CartOwner; cookie: string } {
  const token = randomBytes(32).toString("base64url");
  return {
    owner: { kind: "guest", tokenHash: hash(token) },
    cookie: serialize(GUEST_COOKIE, `${token}.${macOf(token).toString("base64url")}`, { ...guestCookieOptions(), maxAge: MAX_AGE_SECONDS }),
  };
}
