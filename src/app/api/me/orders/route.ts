import { ordersOfUser } from "@/domain/checkout/order-view";
import { requireUser } from "@/server/auth/require";
import { json, route } from "@/server/http/route";
import { withQrCodes } from "@/server/tickets/ticket-qr";

export const dynamic = "force-dynamic";

export const GET = route(async ({ ctx, request }) => {
  const user = await requireUser(request.headers);
  return json({ orders: await withQrCodes(ctx.db, await ordersOfUser(ctx.db, user.id)) });
});
