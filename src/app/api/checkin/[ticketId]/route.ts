import { undoCheckIn } from "@/domain/checkin/undo-check-in";
import { DomainError } from "@/domain/errors";
import { isUuid } from "@/server/http/schemas";
import { staffRoute } from "@/server/http/staff-route";

export const dynamic = "force-dynamic";

/** Staff and up: undo an admission made by mistake; audited. */
export const DELETE = staffRoute<{ ticketId: string }>({ role: "staff" }, async ({ ctx, params }) => {
  if (!isUuid(params.ticketId)) throw new DomainError("not_found", "There is no such ticket.");
  return undoCheckIn({ ctx, input: { ticketId: params.ticketId } });
});
