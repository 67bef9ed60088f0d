import { z } from "zod";
import { tillSummary } from "@/domain/box-office/till-summary";
import { venueDateOf } from "@/domain/calendar/venue-time";
import { csvResponse, wantsCsv } from "@/server/http/csv";
import { parseQuery } from "@/server/http/query";
import { json, route } from "@/server/http/route";
import { plainText, venueDay } from "@/server/http/schemas";
import { staffSession } from "@/server/http/staff-route";

export const dynamic = "force-dynamic";

const query = z.object({ date: venueDay().optional(), staff: plainText(100).min(1, "must be an account id, me or all").optional() });

/** Staff: the till of a venue day (default today) per staff member and payment type, for one account (default the caller), or `all`; CSV with Accept: text/csv. */
export const GET = route(async ({ ctx: base, request }) => {
  const { ctx } = await staffSession(request, base, "staff");
  const { date, staff } = parseQuery(request, query);
  const summary = await tillSummary({ ctx, input: { date: date ?? venueDateOf(ctx.now(), ctx.settings.venueTimeZone), staff: staff ?? "me" } });
  if (!wantsCsv(request, undefined)) return json({ summary });
  const rows = summary.staff.flatMap((member) =>
    member.lines.map((line) => [summary.date, member.name, member.email, line.payment, line.sales, line.tickets, line.total.amount, line.refunded.amount, line.net.amount, line.total.currency]),
  );
  return csvResponse({ filename: `till-${summary.date}.csv`, columns: ["date", "staff", "email", "payment", "sales", "tickets", "total_minor", "refunded_minor", "net_minor", "currency"], rows });
});
