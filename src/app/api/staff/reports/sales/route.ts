import { z } from "zod";
import { SALES_GROUPS, salesReport } from "@/domain/reports/sales-report";
import { reportRoute } from "@/server/http/report-route";
import { venueDay } from "@/server/http/schemas";
import { salesTable } from "@/server/reports/report-tables";

export const dynamic = "force-dynamic";

const query = z.object({ from: venueDay().optional(), to: venueDay().optional(), by: z.enum(SALES_GROUPS).default("day") });

/** Staff: tickets sold, gross, refunded and net by day, exhibition, ticket type or payment provider. */
export const GET = reportRoute(query, (ctx, input) => salesReport({ ctx, input }), salesTable);
