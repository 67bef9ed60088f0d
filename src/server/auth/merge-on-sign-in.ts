import { APIError, createAuthMiddleware } from "better-auth/api";
import { mergeOnSignIn } from "@/domain/cart/sign-in-merge";
import { isDomainError } from "@/domain/errors";
import { GUEST_COOKIE, guestCookieOptions, guestOfCookies } from "../cart-identity";
import { storedAddress } from "../address-key";
import { addressKeyOf } from "../http/rate-limit";
import { requestContext } from "../request-context";

/**
 * Runs after every better-auth endpoint; acts on those that created a session, which is every way
 * of signing in or up. The guest cart moves into the user's cart in this same request, the guest
 * cookie is cleared, and the answer carries the merged cart and whatever did not fit, so the
 * very next request already sees it all. If the merge cannot run (a lock timeout), the new
 * session is revoked and the sign-in answers 503: retrying is safe and nothing is half-done.
 */
export const mergeGuestCartOnSignIn = createAuthMiddleware(async (ctx) => {
  const session = ctx.context.newSession;
  if (!session) return;
  const guest = guestOfCookies(ctx.headers?.get("cookie") ?? null);
  const address = ctx.headers && storedAddress(addressKeyOf(ctx.headers));
  try {
    const { cart, refused } = await mergeOnSignIn({ ctx: requestContext(), input: { from: guest, userId: session.user.id, address } });
    if (guest) ctx.setCookie(GUEST_COOKIE, "", { ...guestCookieOptions(), maxAge: 0 });
    const returned = ctx.context.returned;
    return ctx.json({ ...(returned && typeof returned === "object" ? returned : {}), cart, refused });
  } catch (error) {
    if (!(isDomainError(error) && error.code === "busy")) throw error;
    await ctx.context.internalAdapter.deleteSession(session.session.token);
    throw new APIError("SERVICE_UNAVAILABLE", { code: "busy", message: error.message });
  }
});
