import { z } from "zod";
import { changeQuantity } from "@/domain/cart/change-quantity";
import { removeItem } from "@/domain/cart/remove-item";
import { DomainError } from "@/domain/errors";
import { cartRoute } from "@/server/http/cart-route";
import { isUuid, quantity } from "@/server/http/schemas";

export const dynamic = "force-dynamic";

type Params = { itemId: string };

const itemOf = (params: Params) => {
  if (!isUuid(params.itemId)) throw new DomainError("not_found", "There is no such item in your cart.");
  return params.itemId;
};

export const PATCH = cartRoute<Params, z.ZodObject<{ quantity: ReturnType<typeof quantity> }>>({ body: z.object({ quantity: quantity() }) }, ({ ctx, params, body, owner, address }) =>
  changeQuantity({ ctx, input: { owner, itemId: itemOf(params), quantity: body.quantity, address } }),
);

export const DELETE = cartRoute<Params>({}, ({ ctx, params, owner }) => removeItem({ ctx, input: { owner, itemId: itemOf(params) } }));
