import { RateLimiterMemory } from "rate-limiter-flexible";
import { addressKey } from "../client-address";
import { config } from "../config";
import { processSingleton } from "../shared";
import { HttpError } from "./http-error";

// Set by the web server from the socket (or X-Forwarded-For with TRUST_PROXY); a client's own value is overwritten.
export const CLIENT_IP_HEADER = "x-client-ip";

function limiters() {
  return processSingleton("rate-limiters", () => ({
    perCart: new RateLimiterMemory({ keyPrefix: "cart", points: config().rateLimitCartPerMinute, duration: 60 }),
    perAddress: new RateLimiterMemory({ keyPrefix: "ip", points: config().rateLimitIpPerMinute, duration: 60 }),
    signInPerEmail: new RateLimiterMemory({ keyPrefix: "sign-in-email", points: config().rateLimitSignInPerMinute, duration: 60 }),
    signInPerAddress: new RateLimiterMemory({ keyPrefix: "sign-in-ip", points: config().rateLimitSignInIpPerMinute, duration: 60 }),
  }));
}

/** The client's address as every limit counts it: IPv6 by its /64 (client-address.ts). */
export const clientAddress = (headers: Headers) => addressKey(headers.get(CLIENT_IP_HEADER) ?? "unknown");

const clientIp = (request: Request) => clientAddress(request.headers);

/**
 * A limiter refuses by rejecting with a RateLimiterRes, and a store failure with an Error. Told apart
 * by shape: the limiter may come from another copy of the package than this module's (decision 11).
 */
const isRateLimiterRes = (value: unknown): value is { msBeforeNext: number } =>
  typeof value === "object" && value !== null && !(value instanceof Error) && typeof (value as { msBeforeNext?: unknown }).msBeforeNext === "number";

async function consume(limiter: RateLimiterMemory, key: string, what: string): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (rejection) {
    if (!isRateLimiterRes(rejection)) throw rejection;
    const seconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
    throw new HttpError("rate_limited", `Too many ${what} in a short time; try again in ${seconds} s.`, { "retry-after": String(seconds) });
  }
}

/**
 * Cart writes are counted per cart (or session) when the visitor has one, and always per address,
 * against a much higher ceiling, so a school or an office behind one address is not refused, and
 * a script cannot escape the count by writing without a cart or with many.
 */
export async function limitCartWrites(request: Request, ownerKey: string | undefined): Promise<void> {
  const { perCart, perAddress } = limiters();
  if (ownerKey) await consume(perCart, ownerKey, "changes");
  await consume(perAddress, clientIp(request), "changes");
}

/**
 * Password guessing is slowed per address and per email, so that neither many addresses against
 * one account nor one address against many accounts gets far. Sign-ups count per address.
 */
export async function limitSignIn(request: Request, email?: string): Promise<void> {
  const { signInPerEmail, signInPerAddress } = limiters();
  await consume(signInPerAddress, clientIp(request), "sign-in attempts");
  if (email) await consume(signInPerEmail, email, "sign-in attempts for this email");
}
