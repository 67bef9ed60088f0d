import { redirect } from "next/navigation";
import type { Ctx } from "@/domain/context";
import { roleIncludes, type StaffActor, type StaffRole } from "@/domain/staff/authorize";
import { limitStaffReads, overLimit } from "./http/rate-limit";
import { pageUser } from "./page-user";
import { requestContext } from "./request-context";

/** A refused page says why: the role may not use it, or the account has read too much in a short time (`tooMany`). */
export type StaffPage = { actor: StaffActor; ctx: Ctx } | { refused: true; role: StaffRole; tooMany?: string };

/**
 * The staff member a console page is for, with a domain context acting as them. Nobody signed in is
 * sent to sign in and brought back; a role that may not see the page gets `refused`, for the page
 * to say so (StaffRefusal) rather than pretend the page does not exist. A page load counts against
 * the account's read limit like an API read.
 */
export async function staffPage(role: StaffRole, path: string): Promise<StaffPage> {
  const user = await pageUser();
  if (!user) redirect(`/sign-in?next=${encodeURIComponent(path)}`);
  if (!roleIncludes(user.role, role)) return { refused: true, role };
  const tooMany = await overLimit(limitStaffReads(user.id));
  if (tooMany) return { refused: true, role, tooMany };
  const actor = { kind: "user", userId: user.id, email: user.email, role: user.role } as StaffActor;
  return { actor, ctx: { ...requestContext(), actor } };
}
