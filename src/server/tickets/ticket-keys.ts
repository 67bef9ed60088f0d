import { ticketKeys } from "@/domain/tickets/ticket-token";
import { authSecret } from "../config";
import { processSingleton } from "../shared";

/** The process's ticket signing keys, from AUTH_SECRET (resolved at start-up; see start/auth-secret.ts). */
export function ticketSigningKeys() {
  return processSingleton("ticket-keys", () => ticketKeys(authSecret()));
}
