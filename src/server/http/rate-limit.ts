import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { config } from "../config";
import { processSingleton } from "../shared";
import { HttpError } from "./http-error";

// Set by the web server from the socket (or X-Forwarded-For with TRUST_PROXY); a client's own value is overwritten.
export const CLIENT_IP_HEADER = "x-client-ip";

function limiters() {
  return processSingleton("rate-limiters", () => ({
    perCart: new RateLimiterMemory({ keyPrefix: "cart", points: config().rateLimitCartPerMinute, duration: 60 }),
    perAddress: new RateLimiterMemory({ keyPrefix: "ip", points: config().rateLimitIpPerMinute, duration: 60 }),
  }));
}

/**
 * Cart writes are counted per cart (or session) when the visitor has one; only writes that come
 * with neither are counted per address, against a much higher ceiling, so a school or an office
 * behind one address is not refused.
 */
export async function limitCartWrites(request: Request, ownerKey: string | undefined): Promise<void> {
  const { perCart, perAddress } = limiters();
  try {
    if (ownerKey) await perCart.consume(ownerKey);
    else await perAddress.consume(request.headers.get(CLIENT_IP_HEADER) ?? "unknown");
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
    const seconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
    throw new HttpError("rate_limited", `Too many changes in a short time; try again in ${seconds} s.`, { "retry-after": String(seconds) });
  }
}
