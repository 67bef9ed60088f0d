import { HttpError } from "../http/http-error";
import { sessionUserOf, type SessionUser } from "./session";

/** The signed-in user, or 401. */
export async function requireUser(headers: Headers): Promise<SessionUser> {
  const user = await sessionUserOf(headers);
  if (!user) throw new HttpError("unauthenticated", "Sign in first.");
  return user;
}
