import type { Actor, Ctx, Role } from "../context";
import { DomainError } from "../errors";

export type StaffRole = Exclude<Role, "visitor">;
export type StaffActor = Extract<Actor, { kind: "user" }> & { role: StaffRole };

// Each role includes the ones below it (API.md, Staff): admin > staff > door > visitor.
const RANK: Record<Role, number> = { visitor: 0, door: 1, staff: 2, admin: 3 };

export const STAFF_ROLES: readonly StaffRole[] = ["door", "staff", "admin"];

/** True when `role` may do what `needed` may. */
export const roleIncludes = (role: Role, needed: Role): boolean => RANK[role] >= RANK[needed];

/** The acting staff member when they hold at least `needed`; 401 for nobody, 403 for a role that may not. */
export function authorize(ctx: Ctx, needed: StaffRole): StaffActor {
  const actor = ctx.actor;
  if (actor.kind !== "user") throw new DomainError("unauthenticated", "Sign in with a staff account first.");
  if (!roleIncludes(actor.role, needed)) throw new DomainError("forbidden", `This needs a${needed === "admin" ? "n" : ""} ${needed} account.`);
  return actor as StaffActor;
}
