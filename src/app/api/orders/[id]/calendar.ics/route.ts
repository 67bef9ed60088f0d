import { orderCalendar } from "@/server/calendar/order-calendar";
import { route } from "@/server/http/route";
import { admittingOrderForRequest } from "@/server/order-access";

export const dynamic = "force-dynamic";

export const GET = route<{ id: string }>(async ({ ctx, params, request }) => {
  const order = await admittingOrderForRequest(ctx, request, params.id);
  return new Response(orderCalendar(order, ctx.now()), {
    headers: { "content-type": "text/calendar; charset=utf-8", "content-disposition": `attachment; filename="visit-${order.number}.ics"`, "cache-control": "private, no-store" },
  });
});
