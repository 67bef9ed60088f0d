import type { OfflineDecision } from "@/domain/checkin/offline-decision";
import type { TicketClaims } from "@/domain/tickets/ticket-token";
import { formatTime } from "../format";

/** What the result panel shows: its colour, a headline in words (never colour alone) and the ticket's details. */
export type ScanResult = {
  tone: "admitted" | "refused" | "warning";
  headline: string;
  detail?: string;
  ticket?: { type: string; exhibition: string; startsAt: string; order: string; name?: string };
  offline: boolean;
};

type ServerTicket = { ticketType: { name: string }; exhibition: { title: string }; startsAt: string };
type ServerBody = { result?: string; ticket?: ServerTicket; order?: { number: string; name: string }; error?: { code: string; message: string; checkedInAt?: string; gate?: string | null; window?: { opensAt: string; closesAt: string }; ticket?: ServerTicket; order?: { number: string; name: string } } };

const at = (iso: string, zone: string) => formatTime(iso, zone);
const gateText = (gate: string | null | undefined) => (gate ? ` at ${gate}` : "");
const windowText = (window: { opensAt: string; closesAt: string }, startsAt: string, zone: string) =>
  `This ticket is for ${at(startsAt, zone)}: it admits from ${at(window.opensAt, zone)} until ${at(window.closesAt, zone)}.`;

/** POST /api/checkin's answer (API.md: 200 admitted, 409 already in or void, 404 unknown, 422 outside the window). */
export function fromServer(status: number, raw: Record<string, unknown>, zone: string): ScanResult {
  const body = raw as ServerBody;
  const error = body.error;
  const source = body.ticket ? body : error;
  const ticket = source?.ticket && source.order && { type: source.ticket.ticketType.name, exhibition: source.ticket.exhibition.title, startsAt: source.ticket.startsAt, order: source.order.number, name: source.order.name };
  if (status === 200 && body.result === "admitted") return { tone: "admitted", headline: "Admitted", ticket, offline: false };
  switch (error?.code) {
    case "already_checked_in":
      return { tone: "warning", headline: "Already in", detail: `Checked in at ${at(error.checkedInAt!, zone)}${gateText(error.gate)}.`, ticket, offline: false };
    case "slot_closed":
      return { tone: "warning", headline: "Wrong time", detail: windowText(error.window!, ticket?.startsAt ?? error.window!.opensAt, zone), ticket, offline: false };
    case "ticket_void":
      return { tone: "refused", headline: "Void ticket", detail: error.message, ticket, offline: false };
    case "not_found":
      return { tone: "refused", headline: "Unknown ticket", detail: error.message, offline: false };
    default:
      return { tone: "refused", headline: "Not checked", detail: error?.message ?? `The server answered ${status}. Try again.`, offline: false };
  }
}

const fromClaims = (claims: TicketClaims): ScanResult["ticket"] => ({ type: claims.ticketType, exhibition: claims.exhibition, startsAt: claims.startsAt, order: claims.order });

/** A decision made on this device without the server. */
export function fromOffline(decision: OfflineDecision, zone: string): ScanResult {
  if (decision.result === "unknown") return { tone: "refused", headline: "Unknown ticket", detail: "This QR code was not signed by the museum.", offline: true };
  const ticket = fromClaims(decision.claims);
  switch (decision.result) {
    case "admitted":
      return { tone: "admitted", headline: "Admitted", ticket, offline: true };
    case "already_checked_in":
      return { tone: "warning", headline: "Already in", detail: `Checked in at ${at(decision.at, zone)}${gateText(decision.gate)}.`, ticket, offline: true };
    case "void":
      return { tone: "refused", headline: "Void ticket", detail: "This ticket is no longer valid.", ticket, offline: true };
    case "outside_window":
      return { tone: "warning", headline: "Wrong time", detail: windowText(decision.window, decision.claims.startsAt, zone), ticket, offline: true };
  }
}

/** A typed code cannot be checked without the server: only a signed QR code can. */
export const codeNeedsNetwork: ScanResult = {
  tone: "refused",
  headline: "Cannot check a typed code offline",
  detail: "There is no network, and a typed code can only be checked by the server. Scan the ticket's QR code instead.",
  offline: true,
};

export const keyMissing: ScanResult = {
  tone: "refused",
  headline: "Not checked",
  detail: "There is no network and this device has not yet loaded today's lists. Connect once, then scanning works offline.",
  offline: true,
};
