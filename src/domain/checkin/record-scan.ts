import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { checkIns } from "../../db/schema";
import { withTransaction, type Ctx } from "../context";
import type { StaffActor } from "../staff/authorize";
import type { ScanOutcome } from "./scan-outcome";

export type Scan = { scanId?: string; gate?: string; source: "online" | "offline"; scannedAt: Date };

/**
 * Applies one scan at most once (invariant 9): its id is claimed first, so a retry, even one
 * arriving while the first is still running, waits for it and answers what it answered. Every
 * scan is kept, whatever it came to; a scan without an id is given one.
 */
export async function recordScan(ctx: Ctx, actor: StaffActor, scan: Scan, decide: (tx: Ctx) => Promise<ScanOutcome>): Promise<ScanOutcome> {
  const scanId = scan.scanId ?? randomUUID();
  return withTransaction(ctx, async (tx) => {
    const claimed = await tx.db
      .insert(checkIns)
      .values({
        scanId,
        gate: scan.gate ?? null,
        staffUserId: actor.userId,
        source: scan.source,
        scannedAt: scan.scannedAt,
        recordedAt: tx.now(),
        result: "unknown",
        response: { result: "unknown" },
      })
      .onConflictDoNothing()
      .returning({ id: checkIns.id });
    if (claimed.length === 0) {
      const [first] = await tx.db.select({ response: checkIns.response }).from(checkIns).where(eq(checkIns.scanId, scanId));
      return first!.response;
    }
    const outcome = await decide(tx);
    await tx.db
      .update(checkIns)
      .set({ result: outcome.result, ticketId: "ticket" in outcome ? outcome.ticket.id : null, response: outcome })
      .where(eq(checkIns.id, claimed[0]!.id));
    return outcome;
  });
}
