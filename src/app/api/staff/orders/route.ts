import { z } from "zod";
import { orderStatus } from "@/db/schema";
import { MAX_SEARCH_PAGE, searchOrders } from "@/domain/desk/search-orders";
import { parseQuery } from "@/server/http/query";
import { plainText, venueDay } from "@/server/http/schemas";
import { staffRoute } from "@/server/http/staff-route";

export const dynamic = "force-dynamic";

const query = z.object({
  q: plainText(200).optional(),
  date: venueDay().optional(),
  status: z.enum(orderStatus.enumValues, `must be one of ${orderStatus.enumValues.join(", ")}`).optional(),
  cursor: plainText(200).optional(),
  limit: z.coerce.number("must be a whole number").int("must be a whole number").min(1, `must be 1–${MAX_SEARCH_PAGE}`).max(MAX_SEARCH_PAGE, `must be 1–${MAX_SEARCH_PAGE}`).optional(),
});

/** Staff: the service desk's order search, newest first, 25 a page (`limit` up to 100); `nextCursor` fetches the older ones. */
export const GET = staffRoute({ role: "staff" }, ({ ctx, request }) => searchOrders({ ctx, input: parseQuery(request, query) }));
