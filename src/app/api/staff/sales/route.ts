import type { Order } from "@/domain/checkout/order-view";
import type { Ctx } from "@/domain/context";
import { saleInput } from "@/domain/box-office/sale-input";
import { sellAtCounter } from "@/domain/box-office/sell-at-counter";
import { staffRoute } from "@/server/http/staff-route";
import { kickOutboxSoon } from "@/server/outbox/outbox";
import { withQrCodes } from "@/server/tickets/ticket-qr";

export const dynamic = "force-dynamic";

type Sold = { order: Order; ticketsUrl: string };

// Up to 500 QR codes take seconds to draw: after the commit, not while the sale holds its slots.
const withQrs = async (answer: unknown, ctx: Ctx) => {
  const { order, ticketsUrl } = answer as Sold;
  return { order: (await withQrCodes(ctx.db, [order]))[0], ticketsUrl };
};

/** Staff: a box-office sale, paid at once; its tickets print from `ticketsUrl`, its confirmation (with an e-mail) leaves as soon as it commits. */
export const POST = staffRoute({ role: "staff", body: saleInput, status: 201, afterCommit: kickOutboxSoon, present: withQrs }, async ({ ctx, body }): Promise<Sold> => {
  const order = await sellAtCounter({ ctx, input: body });
  return { order, ticketsUrl: `/api/orders/${order.id}/tickets.pdf` };
});
