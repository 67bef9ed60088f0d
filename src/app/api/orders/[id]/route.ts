import { json, route } from "@/server/http/route";
import { orderForRequest } from "@/server/order-access";
import { withQrCodes } from "@/server/tickets/ticket-qr";

export const dynamic = "force-dynamic";

export const GET = route<{ id: string }>(async ({ ctx, params, request }) => {
  const order = await orderForRequest(ctx, request.headers, params.id, new URL(request.url).searchParams.get("key"));
  const [shown] = await withQrCodes(ctx.db, [order]);
  return json({ order: shown });
});
