import { emailSale, saleEmailInput } from "@/domain/box-office/email-sale";
import { DomainError } from "@/domain/errors";
import { isUuid } from "@/server/http/schemas";
import { staffRoute } from "@/server/http/staff-route";
import { kickOutboxSoon } from "@/server/outbox/outbox";

export const dynamic = "force-dynamic";

/** Staff: a walk-up's address given after the sale; the tickets leave by e-mail as soon as it commits. */
export const POST = staffRoute<{ id: string }, typeof saleEmailInput>({ role: "staff", body: saleEmailInput, afterCommit: kickOutboxSoon }, async ({ ctx, params, body }) => {
  if (!isUuid(params.id)) throw new DomainError("not_found", "There is no such box-office sale.");
  return { order: await emailSale({ ctx, input: { orderId: params.id, body } }) };
});
