import { route } from "@/server/http/route";
import { admittingOrderForRequest } from "@/server/order-access";
import { ticketsPdfOf } from "@/server/tickets/tickets-pdf";

export const dynamic = "force-dynamic";

export const GET = route<{ id: string }>(async ({ ctx, params, request }) => {
  const order = await admittingOrderForRequest(ctx, request, params.id);
  const pdf = await ticketsPdfOf(ctx.db, order, ctx.settings.venueTimeZone);
  return new Response(new Uint8Array(pdf), {
    headers: { "content-type": "application/pdf", "content-disposition": `attachment; filename="tickets-${order.number}.pdf"`, "cache-control": "private, no-store" },
  });
});
