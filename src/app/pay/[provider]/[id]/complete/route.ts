import { eq } from "drizzle-orm";
import { orders } from "@/db/schema";
import { DomainError } from "@/domain/errors";
import { readLimited } from "@/server/http/body";
import { checkSameOrigin } from "@/server/http/origin";
import { route } from "@/server/http/route";
import { isOrderAccessKey, orderPath, payPath } from "@/server/order-access";
import { paymentProvider, theTestProvider } from "@/server/payments/payment-provider";
import { receiveWebhook } from "@/server/payments/receive-webhook";
import { TEST_SIGNATURE_HEADER } from "@/server/payments/test-provider";

export const dynamic = "force-dynamic";

/**
 * The test provider's "Pay" and "Decline" (a plain form, so it works without JavaScript): the
 * outcome goes to our own webhook as a signed event, exactly as a real provider's would, and the
 * buyer is sent on to the order (paid) or back to the payment page (declined).
 */
export const POST = route<{ provider: string; id: string }>(async ({ ctx, params, request }) => {
  checkSameOrigin(request);
  const form = new URLSearchParams(await readLimited(request));
  const key = form.get("key");
  if (params.provider !== "test" || paymentProvider().name !== "test" || !isOrderAccessKey(params.id, key)) throw new DomainError("not_found", "There is no such payment.");
  const [order] = await ctx.db.select({ id: orders.id, totalMinor: orders.totalMinor, currency: orders.currency }).from(orders).where(eq(orders.id, params.id));
  if (!order) throw new DomainError("not_found", "There is no such payment.");

  const { body, signature } = theTestProvider().signedEvent(form.get("outcome") === "pay" ? "pay" : "decline", order);
  const webhook = new Request(new URL("/api/payments/test/webhook", request.url), { method: "POST", headers: { "content-type": "application/json", [TEST_SIGNATURE_HEADER]: signature }, body });
  const outcome = await receiveWebhook(ctx, "test", webhook);
  const next = outcome === "paid" || outcome === "late_paid" ? orderPath(order.id) : `${payPath("test", order.id)}&result=${outcome}`;
  return new Response(null, { status: 303, headers: { location: next } });
});
