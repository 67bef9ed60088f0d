import { ticketTypeChanges } from "@/domain/catalog-admin/ticket-type-input";
import { updateTicketType } from "@/domain/catalog-admin/update-ticket-type";
import { DomainError } from "@/domain/errors";
import { isUuid } from "@/server/http/schemas";
import { staffRoute } from "@/server/http/staff-route";

export const dynamic = "force-dynamic";

/** Admin: rename, re-price, take off sale or put back on sale a ticket type. */
export const PATCH = staffRoute<{ id: string }, typeof ticketTypeChanges>({ role: "admin", body: ticketTypeChanges }, async ({ ctx, params, body }) => {
  if (!isUuid(params.id)) throw new DomainError("not_found", "There is no such ticket type.");
  return { ticketType: await updateTicketType({ ctx, input: { id: params.id, changes: body } }) };
});
