import { claimOffer } from "@/domain/waitlist/claim-offer";
import { cartRoute } from "@/server/http/cart-route";
import { waitlistToken } from "@/server/http/schemas";

export const dynamic = "force-dynamic";

export const POST = cartRoute({ body: waitlistToken }, ({ ctx, body, owner, address }) => claimOffer({ ctx, input: { token: body.token, owner, address } }));
