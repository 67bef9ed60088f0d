import { z } from "zod";
import { venueDateOf } from "@/domain/calendar/venue-time";
import { listStaffSlots } from "@/domain/slots/list-staff-slots";
import { parseQuery } from "@/server/http/query";
import { venueDay } from "@/server/http/schemas";
import { staffRoute } from "@/server/http/staff-route";

export const dynamic = "force-dynamic";

const query = z.object({ from: venueDay().optional(), to: venueDay().optional(), exhibition: z.string().min(1).max(200).optional() });

/** Admins: the slots of the days `from`–`to` (default today, at most 31 days), of one exhibition or all, with held, sold and checked in. */
export const GET = staffRoute({ role: "admin" }, async ({ ctx, request }) => {
  const { from = venueDateOf(ctx.now(), ctx.settings.venueTimeZone), to, exhibition } = parseQuery(request, query);
  return { slots: await listStaffSlots({ ctx, input: { from, to: to ?? from, exhibition } }) };
});
