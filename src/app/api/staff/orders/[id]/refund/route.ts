import { z } from "zod";
import { MAX_REFUND_REASON, refundOrder } from "@/domain/desk/refund-order";
import { staffRoute } from "@/server/http/staff-route";
import { plainText } from "@/server/http/schemas";
import { kickOutboxSoon } from "@/server/outbox/outbox";
import { ticketIds } from "../ticket-ids";

export const dynamic = "force-dynamic";

const body = z.object({ ticketIds, reason: plainText(MAX_REFUND_REASON).pipe(z.string().trim().min(1, "say why")) });

/** Staff: refunds some or all of a paid order's tickets; the money and the buyer's e-mail leave through the outbox as soon as it commits. */
export const POST = staffRoute<{ id: string }, typeof body>({ role: "staff", body, afterCommit: kickOutboxSoon }, async ({ ctx, params, body }) => ({
  order: await refundOrder({ ctx, input: { orderId: params.id, ticketIds: body.ticketIds, reason: body.reason } }),
}));
