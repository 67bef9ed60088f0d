import { HttpError } from "../http/http-error";
import { sessionUserOf, type Role, type SessionUser } from "./session";

const RANK: Record<Role, number> = { visitor: 0, staff: 1, admin: 2 };

/** The signed-in user, or 401. */
export async function requireUser(headers: Headers): Promise<SessionUser> {
  const user = await sessionUserOf(headers);
  if (!user) throw new HttpError("unauthenticated", "Sign in first.");
  return user;
}

/** A signed-in user of at least this role (admins can do what staff can), or 401 / 403. */
export async function requireRole(headers: Headers, role: Exclude<Role, "visitor">): Promise<SessionUser> {
  const user = await requireUser(headers);
  if (RANK[user.role] < RANK[role]) throw new HttpError("forbidden", "This needs a staff account.");
  return user;
}
