import { z } from "zod";
import { venueDateOf } from "@/domain/calendar/venue-time";
import { daySheet } from "@/domain/catalog/day-sheet";
import { parseQuery } from "@/server/http/query";
import { venueDay } from "@/server/http/schemas";
import { staffRoute } from "@/server/http/staff-route";

export const dynamic = "force-dynamic";

const query = z.object({ date: venueDay().optional() });

/** Door and up: a day's slots with capacity, held and sold (default today). */
export const GET = staffRoute({ role: "door" }, async ({ ctx, request }) => {
  const { date } = parseQuery(request, query);
  return { slots: await daySheet({ ctx, input: { date: date ?? venueDateOf(ctx.now(), ctx.settings.venueTimeZone) } }) };
});
