import { z } from "zod";
import { moveOrder } from "@/domain/desk/move-order";
import { staffRoute } from "@/server/http/staff-route";
import { uuid } from "@/server/http/schemas";
import { kickOutboxSoon } from "@/server/outbox/outbox";
import { ticketIds } from "../ticket-ids";

export const dynamic = "force-dynamic";

const body = z.object({ ticketIds, toSlotId: uuid("slot") });

/** Staff: moves some or all of a paid order's tickets to another slot of the same exhibition; the new tickets are e-mailed as soon as it commits. */
export const POST = staffRoute<{ id: string }, typeof body>({ role: "staff", body, afterCommit: kickOutboxSoon }, async ({ ctx, params, body }) => ({
  order: await moveOrder({ ctx, input: { orderId: params.id, ticketIds: body.ticketIds, toSlotId: body.toSlotId } }),
}));
