import { randomUUID } from "node:crypto";
import { outbox } from "../../db/schema";
import { withTransaction, type Ctx } from "../context";
import { DomainError } from "../errors";
import { audit } from "../staff/audit";
import { authorize } from "../staff/authorize";
import { lockDeskOrder } from "./desk-order-lock";

/**
 * The confirmation sent again. The first one is once per order (its outbox row is unique per kind
 * and order), so each resend is a job of its own kind with a subject of its own: sent once, however
 * often the worker retries it.
 */
export const CONFIRMATION_RESEND = "confirmation_resend";

/**
 * Staff: queues the paid order's confirmation (tickets attached) to its buyer again, audited
 * `order.resend`; 409 order_not_paid for any other order, 409 order_has_no_email for a walk-up
 * sale without an address, whose "resend" the mailer would drop while the desk was told it left.
 */
export async function resendConfirmation({ ctx, input }: { ctx: Ctx; input: { orderId: string } }): Promise<{ resendId: string }> {
  const actor = authorize(ctx, "staff");
  return withTransaction(ctx, async (tx) => {
    const order = await lockDeskOrder(tx.db, input.orderId);
    if (order.status !== "paid") throw new DomainError("order_not_paid", `This order is ${order.status.replace("_", " ")}; only a paid order has tickets to send.`);
    if (!order.email) throw new DomainError("order_has_no_email", "This order has no e-mail address to send to: its buyer gave none at the counter.");
    const resendId = randomUUID();
    await tx.db.insert(outbox).values({ kind: CONFIRMATION_RESEND, orderId: order.id, subjectId: resendId, createdAt: tx.now() });
    await audit(tx, actor, { action: "order.resend", entityType: "order", entityId: order.id, after: { resendId, to: order.email } });
    return { resendId };
  });
}
