import { z } from "zod";
import type { Ctx } from "@/domain/context";
import { rangeDays, reportRange } from "@/domain/reports/report-range";
import { csvResponse, wantsCsv, type CsvTable } from "./csv";
import { parseQuery } from "./query";
import { limitStaffReports } from "./rate-limit";
import { json, route } from "./route";
import { staffSession } from "./staff-route";

const format = z.object({ format: z.enum(["json", "csv"]).optional() });

/**
 * A staff report (API.md, Staff): JSON, or CSV with `Accept: text/csv` (or `format=csv`, for a
 * download link). A report reads up to a year of rows, so each counts against the account's limit
 * by the days it covers: a scripted session cannot keep the database busy with them.
 */
export function reportRoute<S extends z.ZodObject, R>(query: S, run: (ctx: Ctx, input: z.output<S>) => Promise<R>, table: (report: R) => CsvTable) {
  return route(async ({ request, ctx: base }) => {
    const { ctx, actor } = await staffSession(request, base, "staff");
    const { format: asked, ...input } = parseQuery(request, query.extend(format.shape)) as z.output<S> & z.output<typeof format>;
    await limitStaffReports(actor.userId, rangeDays(reportRange(ctx, input)).length);
    const report = await run(ctx, input as z.output<S>);
    return wantsCsv(request, asked) ? csvResponse(table(report)) : json(report);
  });
}
