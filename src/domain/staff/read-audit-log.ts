import { and, desc, eq, lt, type SQL } from "drizzle-orm";
import { auditLog } from "../../db/schema";
import type { Ctx } from "../context";
import { DomainError } from "../errors";
import { authorize } from "./authorize";

export const AUDIT_PAGE = 50;

export type AuditLogEntry = {
  id: string;
  at: string;
  actor: { id: string | null; email: string };
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
};

type Input = { cursor?: string; entityType?: string; entityId?: string };

// The cursor is the id of the last entry of the page before; ids are whole numbers well inside a double.
const CURSOR = /^[1-9]\d{0,14}$/;

/**
 * Admin: the audit log, newest first, a page of 50 at a time, for one entity type or one entity when
 * asked (both served by the audit_log_entity index; the whole log by its primary key).
 */
export async function readAuditLog({ ctx, input }: { ctx: Ctx; input: Input }): Promise<{ entries: AuditLogEntry[]; nextCursor: string | null }> {
  authorize(ctx, "admin");
  const fields: Record<string, string> = {};
  if (input.cursor !== undefined && !CURSOR.test(input.cursor)) fields.cursor = "is not a cursor this log gave out";
  if (input.entityId !== undefined && input.entityType === undefined) fields.entityId = "needs entityType too";
  if (Object.keys(fields).length > 0) throw new DomainError("invalid_request", "Some query parameters are not valid.", { fields });

  const where: SQL[] = [];
  if (input.entityType !== undefined) where.push(eq(auditLog.entityType, input.entityType));
  if (input.entityId !== undefined) where.push(eq(auditLog.entityId, input.entityId));
  if (input.cursor !== undefined) where.push(lt(auditLog.id, Number(input.cursor)));
  const rows = await ctx.db
    .select()
    .from(auditLog)
    .where(and(...where))
    .orderBy(desc(auditLog.id))
    .limit(AUDIT_PAGE + 1);
  const page = rows.slice(0, AUDIT_PAGE);
  return {
    entries: page.map((row) => ({
      id: String(row.id),
      at: row.at.toISOString(),
      actor: { id: row.actorId, email: row.actorEmail },
      action: row.action,
      entityType: row.entityType,
      entityId: row.entityId,
      before: row.before,
      after: row.after,
    })),
    nextCursor: rows.length > AUDIT_PAGE ? String(page.at(-1)!.id) : null,
  };
}
