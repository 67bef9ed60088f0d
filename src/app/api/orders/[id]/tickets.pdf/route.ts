import { DomainError } from "@/domain/errors";
import { route } from "@/server/http/route";
import { orderForRequest } from "@/server/order-access";
import { ticketsPdfOf } from "@/server/tickets/tickets-pdf";

export const dynamic = "force-dynamic";

export const GET = route<{ id: string }>(async ({ ctx, params, request }) => {
  const order = await orderForRequest(ctx, request.headers, params.id, new URL(request.url).searchParams.get("key"));
  if (order.tickets.every((ticket) => ticket.status === "void")) throw new DomainError("order_not_paid", "This order has no tickets that admit: it is not paid, or they were refunded.");
  const pdf = await ticketsPdfOf(ctx.db, order, ctx.settings.venueTimeZone);
  return new Response(new Uint8Array(pdf), {
    headers: { "content-type": "application/pdf", "content-disposition": `attachment; filename="tickets-${order.number}.pdf"`, "cache-control": "private, no-store" },
  });
});
