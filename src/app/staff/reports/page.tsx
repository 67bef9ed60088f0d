import type { Metadata } from "next";
import { FunnelCharts } from "@/components/staff/reports/funnel-charts";
import { NoShows, OccupancyHeatmap } from "@/components/staff/reports/occupancy-charts";
import { SalesByDay, SalesByGroup } from "@/components/staff/reports/sales-charts";
import { StaffRefusal } from "@/components/staff/staff-refusal";
import { isDomainError } from "@/domain/errors";
import { funnelReport } from "@/domain/reports/funnel-report";
import { occupancyReport } from "@/domain/reports/occupancy-report";
import { rangeDays, reportRange } from "@/domain/reports/report-range";
import { salesReport } from "@/domain/reports/sales-report";
import { limitStaffReports, overLimit } from "@/server/http/rate-limit";
import { staffPage } from "@/server/page-staff";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Reports" };

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const day = (value: string | string[] | undefined) => (typeof value === "string" && DATE.test(value) ? value : undefined);

/** Staff: sales, occupancy, no-shows and the booking funnel over a range of venue days (the last 30 unless chosen). */
export default async function ReportsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const page = await staffPage("staff", "/staff/reports");
  if ("refused" in page) return <StaffRefusal {...page} />;
  const params = await searchParams;
  const { ctx } = page;
  let problem: string | undefined;
  let asked = { from: day(params.from), to: day(params.to) };
  try {
    reportRange(ctx, asked);
  } catch (error) {
    if (!isDomainError(error) || error.code !== "invalid_request") throw error;
    problem = `${error.message} Showing the last 30 days instead.`;
    asked = { from: undefined, to: undefined };
  }
  // The five reports this page runs count like five API calls.
  const refused = await overLimit(limitStaffReports(page.actor.userId, rangeDays(reportRange(ctx, asked)).length, 5));
  if (refused) return <ReportsRefused message={refused} />;
  const [byDay, byExhibition, byTicketType, occupancy, funnel] = await Promise.all([
    salesReport({ ctx, input: { ...asked, by: "day" } }),
    salesReport({ ctx, input: { ...asked, by: "exhibition" } }),
    salesReport({ ctx, input: { ...asked, by: "ticketType" } }),
    occupancyReport({ ctx, input: asked }),
    funnelReport({ ctx, input: asked }),
  ]);
  const range = `from=${byDay.from}&to=${byDay.to}`;
  const csv = (report: string, extra = "") => `/api/staff/reports/${report}?${range}${extra}&format=csv`;
  const input = "mt-1 rounded-lg border border-line bg-white px-3 py-2 font-normal";

  return (
    <div>
      <h1 className="font-serif text-3xl font-semibold text-ink">Reports</h1>
      <p className="mt-1 text-muted">What sold, how full the slots were, who did not come, and where visitors dropped off. Days are the venue&rsquo;s.</p>
      <form method="get" action="/staff/reports" className="mt-6 flex flex-wrap items-end gap-4" aria-label="Choose the range">
        <label className="flex flex-col text-sm font-semibold text-ink">
          From
          <input type="date" name="from" defaultValue={byDay.from} required className={input} />
        </label>
        <label className="flex flex-col text-sm font-semibold text-ink">
          To
          <input type="date" name="to" defaultValue={byDay.to} required className={input} />
        </label>
        <button type="submit" className="rounded-lg bg-accent px-4 py-2 font-semibold text-white hover:bg-accent-dark">
          Show
        </button>
      </form>
      {problem && (
        <p role="alert" className="mt-4 rounded-lg border border-sold/30 bg-sold/5 px-4 py-3 text-sold">
          {problem}
        </p>
      )}
      <SalesByDay report={byDay} csvHref={csv("sales", "&by=day")} />
      <div className="grid gap-x-6 lg:grid-cols-2">
        <SalesByGroup report={byExhibition} title="Sales by exhibition" csvHref={csv("sales", "&by=exhibition")} />
        <SalesByGroup report={byTicketType} title="Sales by ticket type" csvHref={csv("sales", "&by=ticketType")} />
      </div>
      <OccupancyHeatmap report={occupancy} csvHref={csv("occupancy")} />
      <NoShows report={occupancy} csvHref={csv("occupancy")} />
      <FunnelCharts report={funnel} csvHref={csv("funnel")} />
    </div>
  );
}

function ReportsRefused({ message }: { message: string }) {
  return (
    <div>
      <h1 className="font-serif text-3xl font-semibold text-ink">Reports</h1>
      <p role="alert" className="mt-4 rounded-lg border border-sold/30 bg-sold/5 px-4 py-3 text-sold">
        {message}
      </p>
    </div>
  );
}
