import { z } from "zod";
import { isVenueDate } from "@/domain/calendar/venue-time";
import { listSlots } from "@/domain/catalog/list-slots";
import { parseQuery } from "@/server/http/query";
import { json, route } from "@/server/http/route";

export const dynamic = "force-dynamic";

const day = z.string().refine(isVenueDate, "must be a date written YYYY-MM-DD");
const query = z.object({ from: day.optional(), to: day.optional() });

export const GET = route<{ slug: string }>(async ({ ctx, params, request }) => {
  const { from, to } = parseQuery(request, query);
  return json({ slots: await listSlots({ ctx, input: { slug: params.slug, from, to } }) });
});
