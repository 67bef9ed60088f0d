import { and, eq, isNull } from "drizzle-orm";
import { tickets } from "../../db/schema";
import type { Ctx } from "../context";
import { authorize, type StaffActor } from "../staff/authorize";
import { findDoorTicket, type DoorTicket } from "./door-ticket";
import { entryWindow, insideWindow } from "./entry-window";
import { recordScan } from "./record-scan";
import { admitted, found, refusal, type ScanOutcome } from "./scan-outcome";

export type CheckInInput = {
  /** The ticket's code, from its signed token or as typed; undefined when what was scanned names no ticket. */
  code: string | undefined;
  gate?: string;
  scanId?: string;
};

/**
 * Admits the ticket if it is valid, not yet in, and inside its slot's entry window. The admission
 * itself is one conditional UPDATE (invariant 9): of two scans at the same instant, one admits and
 * the other finds the ticket already in.
 */
export async function checkIn({ ctx, input }: { ctx: Ctx; input: CheckInInput }): Promise<ScanOutcome> {
  const actor = authorize(ctx, "door");
  const now = ctx.now();
  return recordScan(ctx, actor, { scanId: input.scanId, code: input.code, gate: input.gate, source: "online", scannedAt: now }, async (tx) => {
    const door = input.code ? await findDoorTicket(tx.db, input.code) : undefined;
    if (!door) return { result: "unknown" };
    if (door.ticket.status === "void" || door.checkedInAt) return refusal(door);
    const window = entryWindow(door.slot, tx.settings);
    if (!insideWindow(window, now)) return { result: "outside_window", window, ...found(door) };
    const lost = await tryAdmit(tx, actor, door, now, input.gate);
    return lost ? refusal(lost) : admitted(door);
  });
}

/**
 * Admits a ticket read as valid and not in, or answers it as it is now when another scan admitted it
 * (or staff voided it) in between. That second read locks the ticket: an undo between the update
 * and the read would otherwise show a ticket neither in nor admitted by this scan.
 */
export async function tryAdmit(tx: Ctx, actor: StaffActor, door: DoorTicket, at: Date, gate: string | undefined): Promise<DoorTicket | undefined> {
  if (await admit(tx, actor, door.ticket.id, at, gate)) return undefined;
  const now = (await findDoorTicket(tx.db, door.ticket.code, { lock: true }))!;
  if (now.ticket.status === "void" || now.checkedInAt) return now;
  return (await admit(tx, actor, door.ticket.id, at, gate)) ? undefined : now;
}

/** The one statement that admits: only a valid ticket not yet in. */
async function admit(ctx: Ctx, actor: StaffActor, ticketId: string, at: Date, gate: string | undefined): Promise<boolean> {
  const admitted = await ctx.db
    .update(tickets)
    .set({ status: "used", checkedInAt: at, checkedInBy: actor.userId, checkedInGate: gate ?? null })
    .where(and(eq(tickets.id, ticketId), eq(tickets.status, "valid"), isNull(tickets.checkedInAt)))
    .returning({ id: tickets.id });
  return admitted.length === 1;
}
