import { z } from "zod";
import { ownerKey } from "@/domain/cart/cart-owner";
import { checkout } from "@/domain/checkout/checkout";
import { DomainError } from "@/domain/errors";
import { cartOwnerOf, sessionUserOf } from "../auth/session";
import { config } from "../config";
import { orderPath, payPath } from "../order-access";
import { withQrCodes } from "../tickets/ticket-qr";
import { readJson } from "./body";
import { idempotent } from "./idempotency";
import { checkSameOrigin } from "./origin";
import { limitCartWrites } from "./rate-limit";
import { requestLocale } from "./request-locale";
import { json, route } from "./route";

const contact = z.object({
  name: z.string("is required").trim().min(1, "is required").max(100, "must be at most 100 characters"),
  email: z.string("must be an email address").trim().toLowerCase().pipe(z.email("must be an email address")),
  phone: z.string().trim().max(30, "must be at most 30 characters").regex(/^[+0-9 ()-]*$/, "must be a phone number").optional(),
});

/**
 * POST /api/checkout: the cart's held lines become an order waiting for payment. The answer
 * sends the buyer to `/pay/{provider}/{id}`, our page, which starts the provider's payment
 * outside any transaction (invariant 7). With an Idempotency-Key a double click is one order.
 */
export const checkoutRoute = route(async ({ ctx, request }) => {
  checkSameOrigin(request);
  const owner = await cartOwnerOf(request.headers);
  await limitCartWrites(request, owner && ownerKey(owner));
  const body = await readJson(request, contact);
  if (!owner) throw new DomainError("cart_empty", "Your cart is empty: add tickets before checking out.");
  const user = await sessionUserOf(request.headers);
  const provider = config().paymentProvider;
  const answer = await idempotent(ctx, request, ownerKey(owner), body, async (ctx) => {
    const order = await checkout({ ctx, input: { owner, contact: { ...body, phone: body.phone || undefined }, userId: user?.id, provider, locale: requestLocale(request.headers) } });
    return {
      status: 201,
      body: { order: (await withQrCodes(ctx.db, [order]))[0], orderUrl: orderPath(order.id), payment: { provider, redirectUrl: payPath(provider, order.id) } },
    };
  });
  return json(answer.body, { status: answer.status });
});
