import { z } from "zod";
import { occupancyReport } from "@/domain/reports/occupancy-report";
import { reportRoute } from "@/server/http/report-route";
import { plainText, venueDay } from "@/server/http/schemas";
import { occupancyTable } from "@/server/reports/report-tables";

export const dynamic = "force-dynamic";

const query = z.object({ from: venueDay().optional(), to: venueDay().optional(), exhibition: plainText(100).optional() });

/** Staff: each slot's capacity, sold, checked in, occupancy and no-shows. */
export const GET = reportRoute(query, (ctx, input) => occupancyReport({ ctx, input }), occupancyTable);
