import { renewHolds } from "@/domain/cart/renew-holds";
import { cartRoute } from "@/server/http/cart-route";

export const dynamic = "force-dynamic";

export const POST = cartRoute({}, ({ ctx, owner, address }) => renewHolds({ ctx, input: { owner, address } }));
