import { saleInput } from "@/domain/box-office/sale-input";
import { sellAtCounter } from "@/domain/box-office/sell-at-counter";
import { staffRoute } from "@/server/http/staff-route";
import { kickOutboxSoon } from "@/server/outbox/outbox";
import { withQrCodes } from "@/server/tickets/ticket-qr";

export const dynamic = "force-dynamic";

/** Staff: a box-office sale, paid at once; its tickets print from `ticketsUrl`, its confirmation (with an e-mail) leaves as soon as it commits. */
export const POST = staffRoute({ role: "staff", body: saleInput, status: 201, afterCommit: kickOutboxSoon }, async ({ ctx, body }) => {
  const order = await sellAtCounter({ ctx, input: body });
  return { order: (await withQrCodes(ctx.db, [order]))[0], ticketsUrl: `/api/orders/${order.id}/tickets.pdf` };
});
