import { z } from "zod";
import { cancelSlot, MAX_CANCEL_REASON } from "@/domain/slots/cancel-slot";
import { staffRoute } from "@/server/http/staff-route";
import { uuid } from "@/server/http/schemas";
import { kickOutboxSoon } from "@/server/outbox/outbox";
import { slotIdOf } from "../slot-id";

export const dynamic = "force-dynamic";

const body = z.object({ reason: z.string("must be text").trim().min(1, "say why").max(MAX_CANCEL_REASON, `at most ${MAX_CANCEL_REASON} characters`), moveTo: uuid("slot").optional() });

/** Admins: cancels a slot, moving or refunding its visitors; the buyers' e-mails and the refunds leave as soon as it commits. */
export const POST = staffRoute<{ id: string }, typeof body>({ role: "admin", body, afterCommit: kickOutboxSoon }, async ({ ctx, params, body }) => ({
  orders: await cancelSlot({ ctx, input: { slotId: slotIdOf(params), reason: body.reason, moveTo: body.moveTo } }),
}));
