import { z } from "zod";
import { addToCartSoon } from "@/server/add-coalescer";
import { cartRoute } from "@/server/http/cart-route";
import { quantity, uuid } from "@/server/http/schemas";

export const dynamic = "force-dynamic";

export const POST = cartRoute(
  { body: z.object({ slotId: uuid("slot"), ticketTypeId: uuid("ticket type"), quantity: quantity() }), status: 201 },
  ({ ctx, body, owner, address }) => addToCartSoon(ctx, { owner, address, ...body }),
);
