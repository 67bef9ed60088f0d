import { headers } from "next/headers";
import { sessionUserOf, type SessionUser } from "./auth/session";

/** The signed-in user for a server-rendered page, if any. */
export async function pageUser(): Promise<SessionUser | undefined> {
  return sessionUserOf(await headers());
}
