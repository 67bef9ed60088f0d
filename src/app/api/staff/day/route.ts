import { z } from "zod";
import { venueDateOf } from "@/domain/calendar/venue-time";
import { daySheet } from "@/domain/catalog/day-sheet";
import { requireRole } from "@/server/auth/require";
import { parseQuery } from "@/server/http/query";
import { json, route } from "@/server/http/route";
import { venueDay } from "@/server/http/schemas";

export const dynamic = "force-dynamic";

const query = z.object({ date: venueDay().optional() });

/** Staff only: a day's slots with capacity, held and sold (default today). */
export const GET = route(async ({ ctx, request }) => {
  await requireRole(request.headers, "staff");
  const { date } = parseQuery(request, query);
  return json({ slots: await daySheet({ ctx, input: { date: date ?? venueDateOf(ctx.now(), ctx.settings.venueTimeZone) } }) });
});
