import type { Role } from "@/domain/context";

export const ROLE_LABELS: Record<Role, string> = { visitor: "Visitor (no console)", door: "Door", staff: "Staff", admin: "Administrator" };
export const ROLES = Object.keys(ROLE_LABELS) as Role[];
