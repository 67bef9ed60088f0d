import { auditLog } from "../../db/schema";
import type { Ctx } from "../context";
import type { StaffActor } from "./authorize";

export type AuditEntry = { action: string; entityType: string; entityId: string; before?: unknown; after?: unknown };

/**
 * Writes one staff change to the audit log (invariant 12). Call it with the ctx of the transaction
 * that makes the change, so the entry and the change commit or roll back together.
 */
export async function audit(ctx: Ctx, actor: StaffActor, entry: AuditEntry): Promise<void> {
  await ctx.db.insert(auditLog).values({
    at: ctx.now(),
    actorId: actor.userId,
    actorEmail: actor.email,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}
