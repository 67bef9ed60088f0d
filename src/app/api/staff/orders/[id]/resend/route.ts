import { resendConfirmation } from "@/domain/desk/resend-confirmation";
import { notAnOrder } from "@/domain/desk/staff-order-view";
import { limitResends } from "@/server/http/rate-limit";
import { isUuid } from "@/server/http/schemas";
import { staffRoute } from "@/server/http/staff-route";
import { kickOutboxSoon } from "@/server/outbox/outbox";

export const dynamic = "force-dynamic";

/** Staff: queues the confirmation again (202), at most RESENDS_PER_ORDER_PER_HOUR times an hour per order. */
export const POST = staffRoute<{ id: string }>({ role: "staff", status: 202, afterCommit: kickOutboxSoon }, async ({ ctx, params }) => {
  if (!isUuid(params.id)) throw notAnOrder();
  await limitResends(params.id);
  return { queued: true, ...(await resendConfirmation({ ctx, input: { orderId: params.id } })) };
});
