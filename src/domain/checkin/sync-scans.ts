import { and, eq, gt } from "drizzle-orm";
import { tickets } from "../../db/schema";
import type { Ctx } from "../context";
import { authorize } from "../staff/authorize";
import { tryAdmit } from "./check-in";
import { findDoorTicket } from "./door-ticket";
import { recordScan } from "./record-scan";
import { admitted, alreadyIn, refusal, type ScanOutcome } from "./scan-outcome";

export type OfflineScan = { scanId: string; code: string | undefined; at: Date; gate?: string };
export type SyncResult = { scanId: string; result: "admitted" | "already_checked_in" | "void" | "unknown" | "conflict" };

/**
 * Scans a device admitted while offline, uploaded with their own time and gate. Each is applied
 * once, in its own transaction. The first admission wins: a ticket admitted twice keeps the
 * earlier time and gate as its admission. The scan that reaches the server after the ticket was
 * in is reported as `conflict`, whichever was made first; both scans are kept.
 */
export async function syncScans({ ctx, input }: { ctx: Ctx; input: { scans: OfflineScan[] } }): Promise<SyncResult[]> {
  const actor = authorize(ctx, "door");
  const results: SyncResult[] = [];
  for (const [index, scan] of input.scans.entries()) {
    const at = believable(scan.at, ctx.now());
    const recorded = { scanId: scan.scanId, code: scan.code, gate: scan.gate, source: "offline" as const, scannedAt: at, scanIdField: `scans.${index}.scanId` };
    const outcome = await recordScan(ctx, actor, recorded, async (tx): Promise<ScanOutcome> => {
      const door = scan.code ? await findDoorTicket(tx.db, scan.code) : undefined;
      if (!door) return { result: "unknown" };
      const first = door.ticket.status === "void" ? door : await tryAdmit(tx, actor, door, at, scan.gate);
      if (!first) return admitted(door);
      if (first.ticket.status === "void") return refusal(first);
      await tx.db
        .update(tickets)
        .set({ checkedInAt: at, checkedInGate: scan.gate ?? null, checkedInBy: actor.userId })
        .where(and(eq(tickets.id, first.ticket.id), gt(tickets.checkedInAt, at)));
      return alreadyIn(first, "conflict");
    });
    results.push({ scanId: scan.scanId, result: syncResultOf(outcome) });
  }
  return results;
}

// A device's clock may run a little ahead; a scan dated further ahead, or before the last week, is
// dated when it arrives instead: its admission is kept, and no wrong device clock decides who was
// first. Refusing it would leave it, and every scan queued behind it, on the device for good.
const AHEAD_MS = 5 * 60_000;
const OLDEST_MS = 7 * 24 * 3600_000;
const believable = (at: Date, now: Date) => (at.getTime() > now.getTime() + AHEAD_MS || at.getTime() < now.getTime() - OLDEST_MS ? now : at);

/**
 * A scan id the device first sent online (the answer was lost with the network) answers here as it
 * did then; a refusal for the time there means the device admitted someone the server would not.
 */
const syncResultOf = (outcome: ScanOutcome): SyncResult["result"] => (outcome.result === "outside_window" ? "conflict" : outcome.result);
