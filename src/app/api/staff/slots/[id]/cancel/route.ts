import { z } from "zod";
import { cancelSlot, MAX_CANCEL_REASON } from "@/domain/slots/cancel-slot";
import { db } from "@/server/database";
import { staffRoute } from "@/server/http/staff-route";
import { uuid } from "@/server/http/schemas";
import { logger } from "@/server/logger";
import { kickOutbox } from "@/server/outbox/outbox";
import { slotIdOf } from "../slot-id";

export const dynamic = "force-dynamic";

const body = z.object({ reason: z.string("must be text").trim().min(1, "say why").max(MAX_CANCEL_REASON, `at most ${MAX_CANCEL_REASON} characters`), moveTo: uuid("slot").optional() });

const cancel = staffRoute<{ id: string }, typeof body>({ role: "admin", body }, async ({ ctx, params, body }) => ({
  orders: await cancelSlot({ ctx, input: { slotId: slotIdOf(params), reason: body.reason, moveTo: body.moveTo } }),
}));

/** Admins: cancels a slot, moving or refunding its visitors; once it has committed, the outbox is kicked so the e-mails and refunds leave at once. */
export async function POST(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  const response = await cancel(request, context);
  if (response.ok) void kickOutbox(db(), logger()).catch((error: unknown) => logger().error({ err: error }, "the outbox worker failed"));
  return response;
}
