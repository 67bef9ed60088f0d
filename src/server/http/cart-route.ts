import type { z } from "zod";
import type { CartOwner } from "@/domain/cart/cart-owner";
import { ownerKey } from "@/domain/cart/cart-owner";
import type { Cart } from "@/domain/cart/cart-view";
import type { Ctx } from "@/domain/context";
import { cartOwnerOf } from "../auth/session";
import { newGuest } from "../cart-identity";
import { storedAddress } from "../address-key";
import { readJson } from "./body";
import { idempotent } from "./idempotency";
import { checkSameOrigin } from "./origin";
import { addressKeyOf, limitCartWrites } from "./rate-limit";
import { json, route } from "./route";

type Options<S extends z.ZodObject | undefined> = { body?: S; status?: number };
type Handler<P, S extends z.ZodObject | undefined> = (input: { ctx: Ctx; params: P; body: S extends z.ZodObject ? z.output<S> : undefined; owner: CartOwner; address: string }) => Promise<Cart>;

/**
 * A route that changes the caller's cart: same-site origin, rate limit, JSON body, optional
 * Idempotency-Key, and the guest cookie, set the first time a cart is written. `address` is the
 * client's, as stored, for the cap on the places one address may hold.
 */
export function cartRoute<P = Record<string, never>, S extends z.ZodObject | undefined = undefined>(options: Options<S>, handler: Handler<P, S>) {
  return route<P>(async ({ request, params, ctx }) => {
    checkSameOrigin(request);
    const known = await cartOwnerOf(request.headers);
    await limitCartWrites(request, known && ownerKey(known));
    const body = (options.body ? await readJson(request, options.body) : undefined) as Parameters<Handler<P, S>>[0]["body"];
    const guest = known ? undefined : newGuest();
    const owner = known ?? guest!.owner;
    const address = storedAddress(addressKeyOf(request.headers));

    // A key belongs to the cart's owner, like Stripe's to an account. A request with no cookie has
    // no owner until its answer creates one, so its key is kept under that new guest: nobody else
    // can replay it, and it takes effect once the client sends back the cookie the answer set.
    const answer = await idempotent(ctx, request, ownerKey(owner), body, async (ctx) => ({
      status: options.status ?? 200,
      body: { cart: await handler({ ctx, params, body, owner, address }) },
    }));
    const wroteCart = (answer.body as { cart: Cart }).cart.id !== null;
    return json(answer.body, { status: answer.status, headers: guest && wroteCart ? { "set-cookie": guest.cookie } : {} });
  });
}
