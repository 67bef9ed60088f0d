import { z } from "zod";
import { funnelReport } from "@/domain/reports/funnel-report";
import { reportRoute } from "@/server/http/report-route";
import { venueDay } from "@/server/http/schemas";
import { funnelTable } from "@/server/reports/report-tables";

export const dynamic = "force-dynamic";

const query = z.object({ from: venueDay().optional(), to: venueDay().optional() });

/** Staff: the booking funnel, from the events the domain verbs recorded. */
export const GET = reportRoute(query, (ctx, input) => funnelReport({ ctx, input }), funnelTable);
