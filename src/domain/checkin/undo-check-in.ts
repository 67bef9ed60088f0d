import { and, eq, isNotNull, isNull } from "drizzle-orm";
import { checkIns, tickets } from "../../db/schema";
import { withTransaction, type Ctx } from "../context";
import { DomainError } from "../errors";
import { audit } from "../staff/audit";
import { authorize } from "../staff/authorize";

/**
 * Staff take back an admission made by mistake (the wrong ticket scanned, a visitor turned back):
 * the ticket is valid again, its admitting scans are marked undone and kept, and the audit log says
 * who did it. Undoing a ticket that is not in changes nothing.
 */
export async function undoCheckIn({ ctx, input }: { ctx: Ctx; input: { ticketId: string } }): Promise<{ ticketId: string; undone: boolean }> {
  const actor = authorize(ctx, "staff");
  return withTransaction(ctx, async (tx) => {
    const [before] = await tx.db
      .select({ checkedInAt: tickets.checkedInAt, gate: tickets.checkedInGate, code: tickets.code })
      .from(tickets)
      .where(eq(tickets.id, input.ticketId))
      .for("update");
    if (!before) throw new DomainError("not_found", "There is no such ticket.");
    const [undone] = await tx.db
      .update(tickets)
      .set({ status: "valid", checkedInAt: null, checkedInBy: null, checkedInGate: null })
      .where(and(eq(tickets.id, input.ticketId), eq(tickets.status, "used"), isNotNull(tickets.checkedInAt)))
      .returning({ id: tickets.id });
    if (!undone) return { ticketId: input.ticketId, undone: false };
    await tx.db
      .update(checkIns)
      .set({ undoneAt: tx.now() })
      .where(and(eq(checkIns.ticketId, input.ticketId), eq(checkIns.result, "admitted"), isNull(checkIns.undoneAt)));
    await audit(tx, actor, {
      action: "ticket.checkin_undo",
      entityType: "ticket",
      entityId: input.ticketId,
      before: { code: before.code, checkedInAt: before.checkedInAt, gate: before.gate },
      after: { code: before.code, checkedInAt: null },
    });
    return { ticketId: input.ticketId, undone: true };
  });
}
