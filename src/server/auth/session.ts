import type { CartOwner } from "@/domain/cart/cart-owner";
import type { Role } from "@/domain/context";
import { guestOfCookies } from "../cart-identity";
import { auth } from "./auth";

export type { Role };
export type SessionUser = { id: string; name: string; email: string; role: Role };

// better-auth's session cookie, with the __Secure- prefix it adds when cookies are Secure.
const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?better-auth\.session_token=/;

/** The signed-in user these headers carry a live session for. A request without a session cookie costs no query. */
export async function sessionUserOf(headers: Headers): Promise<SessionUser | undefined> {
  if (!SESSION_COOKIE.test(headers.get("cookie") ?? "")) return undefined;
  const session = await auth().api.getSession({ headers });
  if (!session) return undefined;
  const { id, name, email, role, disabledAt } = session.user as typeof session.user & { disabledAt?: Date | null };
  // Disabling deletes the account's sessions; this covers one read in flight at that moment.
  if (disabledAt) return undefined;
  return { id, name, email, role: role as Role };
}

/** Whose cart a request speaks for: the signed-in user's when there is a session, else the guest's cookie. */
export async function cartOwnerOf(headers: Headers): Promise<CartOwner | undefined> {
  const user = await sessionUserOf(headers);
  return user ? { kind: "user", userId: user.id } : guestOfCookies(headers.get("cookie"));
}
