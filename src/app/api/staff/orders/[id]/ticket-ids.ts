import { z } from "zod";
import { uuid } from "@/server/http/schemas";

/** Some tickets of the order, or (absent) all its valid ones; no order has more than a cart may hold. */
export const ticketIds = z.array(uuid("ticket"), "must be a list of ticket ids").min(1, "must name at least one ticket").max(100, "must name at most 100 tickets").optional();
