import type { TicketView } from "../checkout/order-view";
import type { DoorTicket } from "./door-ticket";
import type { EntryWindow } from "./entry-window";

type Found = { ticket: TicketView; order: { number: string; name: string } };

/**
 * What one scan came to, as kept with it (check_ins.response) so that a retried scan answers the
 * same. Online scans end in the first five; an offline scan uploaded later is `admitted`,
 * `conflict` (the ticket had been admitted by another scan: both are kept), `void` or `unknown`.
 */
export type ScanOutcome =
  | ({ result: "admitted" } & Found)
  | ({ result: "already_checked_in"; checkedInAt: string; gate: string | null } & Found)
  | ({ result: "void"; reason: string | null } & Found)
  | ({ result: "outside_window"; window: EntryWindow } & Found)
  | ({ result: "conflict"; checkedInAt: string; gate: string | null } & Found)
  | { result: "unknown" };

export const found = (door: DoorTicket): Found => ({ ticket: door.ticket, order: door.order });

/** This scan admitted the ticket: it is used now. */
export const admitted = (door: DoorTicket): ScanOutcome => ({ result: "admitted", ...found(door), ticket: { ...door.ticket, status: "used" } });

/** The ticket was in before this scan: when, and where. */
export const alreadyIn = (door: DoorTicket, result: "already_checked_in" | "conflict" = "already_checked_in"): ScanOutcome => ({
  result,
  checkedInAt: door.checkedInAt!.toISOString(),
  gate: door.gate,
  ...found(door),
});

/** Why a ticket that cannot be admitted again is refused: it was voided, or it is in already. */
export const refusal = (door: DoorTicket): ScanOutcome => (door.ticket.status === "void" ? { result: "void", reason: door.voidReason, ...found(door) } : alreadyIn(door));
