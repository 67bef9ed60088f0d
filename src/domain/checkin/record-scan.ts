import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { checkIns } from "../../db/schema";
import type { Executor } from "../../db/client";
import { withTransaction, type Ctx } from "../context";
import { DomainError } from "../errors";
import type { StaffActor } from "../staff/authorize";
import { findDoorTicket, normalCode } from "./door-ticket";
import type { ScanOutcome } from "./scan-outcome";

export type Scan = {
  scanId?: string;
  /** The code the scan names (undefined for a token that is not ours): a replay must name the same ticket. */
  code: string | undefined;
  gate?: string;
  source: "online" | "offline";
  scannedAt: Date;
  /** Where the scan id is in the request, for the error that refuses a reused one. */
  scanIdField?: string;
};

/**
 * Applies one scan at most once (invariant 9): its id is claimed first, so a retry, even one
 * arriving while the first is still running, waits for it and answers what it answered. Every
 * scan is kept, whatever it came to; a scan without an id is given one. An id already used for
 * another ticket is refused (409 idempotency_conflict): answering the first scan's result would
 * tell a device that admitted this ticket offline that it was recorded when it was not.
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
      if (!(await namesSameTicket(tx.db, first!.response, scan.code))) {
        throw new DomainError("idempotency_conflict", `The scan id ${scanId} was already used for another ticket: each scan needs an id of its own.`, {
          fields: { [scan.scanIdField ?? "scanId"]: "was already used for another ticket" },
        });
      }
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

/** Whether a scan names the ticket the first scan with its id found, or like it names none of ours. */
async function namesSameTicket(db: Executor, first: ScanOutcome, typed: string | undefined): Promise<boolean> {
  const code = typed === undefined ? undefined : normalCode(typed);
  if ("ticket" in first) return code === first.ticket.code;
  return code === undefined || (await findDoorTicket(db, code)) === undefined;
}
