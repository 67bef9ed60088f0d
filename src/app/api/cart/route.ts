import { getCart } from "@/domain/cart/get-cart";
import { cartOwnerOf } from "@/server/auth/session";
import { json, route } from "@/server/http/route";

export const dynamic = "force-dynamic";

export const GET = route(async ({ ctx, request }) => json({ cart: await getCart({ ctx, input: { owner: await cartOwnerOf(request.headers) } }) }));
