import { addTicketType } from "@/domain/catalog-admin/add-ticket-type";
import { newTicketTypeInput } from "@/domain/catalog-admin/ticket-type-input";
import { staffRoute } from "@/server/http/staff-route";

export const dynamic = "force-dynamic";

/** Admin: a new ticket type for the exhibition. */
export const POST = staffRoute<{ slug: string }, typeof newTicketTypeInput>({ role: "admin", body: newTicketTypeInput, status: 201 }, async ({ ctx, params, body }) => ({
  ticketType: await addTicketType({ ctx, input: { slug: params.slug, ticketType: body } }),
}));
