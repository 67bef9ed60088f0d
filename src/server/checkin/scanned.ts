import { z } from "zod";
import type { ScanOutcome } from "@/domain/checkin/scan-outcome";
import { verifyTicket } from "@/domain/tickets/ticket-token";
import { errorBody } from "../http/errors";
import { plainText } from "../http/schemas";
import { withStatus } from "../http/staff-route";
import { ticketSigningKeys } from "../tickets/ticket-keys";

// A token is about 450 characters; anything far longer is not one of ours.
const MAX_TOKEN = 2000;

/** What a scanner sends for one ticket: its signed token (the QR code) or its code (typed, or read by a handheld), a gate and a scan id. */
export const scannedFields = {
  // As long as a token: a handheld scanner types the QR's whole text into the code field.
  code: plainText(MAX_TOKEN).optional(),
  token: plainText(MAX_TOKEN).optional(),
  gate: plainText(60).trim().min(1, "must not be empty").optional(),
  scanId: z.string("must be text").regex(/^[A-Za-z0-9_-]{8,64}$/, "must be 8–64 letters, digits, - or _").optional(),
};

export const oneOfCodeOrToken = (scan: { code?: string; token?: string }) => (scan.code === undefined) !== (scan.token === undefined);
export const CODE_OR_TOKEN = { message: "send either code or token", path: ["code"] };

/**
 * The ticket code a scan names: a token's when its signature is ours, else as typed. A handheld
 * scanner types the QR's text, so a "code" that holds a token is read as one.
 */
export function scannedCode(scan: { code?: string; token?: string }): string | undefined {
  const text = (scan.token ?? scan.code ?? "").trim();
  return text.includes(".") ? verifyTicket(text, ticketSigningKeys().publicKey)?.code : text;
}

/** API.md's answers to a scan: 200 admitted; 409 already_checked_in or ticket_void; 404 unknown; 422 slot_closed with the window. */
export function scanReply(outcome: ScanOutcome, requestId: string) {
  switch (outcome.result) {
    case "admitted":
      return withStatus(200, outcome);
    case "unknown":
      return withStatus(404, errorBody("not_found", "No ticket of ours has this code. Check it was typed right, or ask for the order.", requestId));
    case "void":
      return withStatus(409, errorBody("ticket_void", `This ticket is no longer valid${outcome.reason ? ` (${outcome.reason})` : ""}.`, requestId, { ticket: outcome.ticket, order: outcome.order }));
    case "outside_window":
      return withStatus(422, errorBody("slot_closed", "This ticket is for another time: it admits only within its window.", requestId, { window: outcome.window, ticket: outcome.ticket, order: outcome.order }));
    default:
      return withStatus(409, errorBody("already_checked_in", "This ticket was already used to enter.", requestId, { checkedInAt: outcome.checkedInAt, gate: outcome.gate, ticket: outcome.ticket, order: outcome.order }));
  }
}
