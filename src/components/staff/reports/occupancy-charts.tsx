"use client";

import { useMemo, useState } from "react";
import type { OccupancyReport, OccupancyRow } from "@/domain/reports/occupancy-report";
import { TableHead } from "../table-head";
import { ReportChart } from "./report-chart";
import { ReportSection } from "./report-section";

const percent = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 100) : 0);
const unique = (values: string[]) => [...new Set(values)].sort();

/** Sold over capacity of each venue day and time, all exhibitions at that time together. */
function cells(rows: OccupancyRow[]) {
  const days = unique(rows.map((row) => row.date));
  const times = unique(rows.map((row) => row.time));
  const sums = new Map<string, { sold: number; capacity: number }>();
  for (const row of rows) {
    const key = `${row.date} ${row.time}`;
    const sum = sums.get(key) ?? { sold: 0, capacity: 0 };
    sums.set(key, { sold: sum.sold + row.sold, capacity: sum.capacity + row.capacity });
  }
  const data = [...sums].map(([key, sum]) => {
    const [date, time] = key.split(" ") as [string, string];
    return [times.indexOf(time), days.indexOf(date), percent(sum.sold, sum.capacity)];
  });
  return { days, times, data };
}

/** Occupancy as a heat map (days down, times across), for all exhibitions or one. */
export function OccupancyHeatmap({ report, csvHref }: { report: OccupancyReport; csvHref: string }) {
  const exhibitions = useMemo(() => [...new Map(report.rows.map((row) => [row.exhibition.slug, row.exhibition.title])).entries()], [report]);
  const [shown, setShown] = useState("");
  const rows = useMemo(() => report.rows.filter((row) => !shown || row.exhibition.slug === shown), [report, shown]);
  const option = useMemo(() => {
    const { days, times, data } = cells(rows);
    return {
      tooltip: { position: "top" },
      grid: { left: 64, right: 16, top: 8, bottom: 72 },
      xAxis: { type: "category", data: times, splitArea: { show: true } },
      yAxis: { type: "category", data: days.map((day) => day.slice(5)), splitArea: { show: true } },
      visualMap: { min: 0, max: 100, calculable: false, orient: "horizontal", left: "center", bottom: 0, text: ["100% full", "0%"], inRange: { color: ["#fbf7f0", "#b7791f", "#7a2e1d"] } },
      // Only cells with sales are labelled, and only while the labels fit.
      series: [{ name: "Occupancy %", type: "heatmap", data, label: { show: times.length <= 18 && days.length <= 14, formatter: ({ value }: { value: number[] }) => (value[2]! > 0 ? `${value[2]}` : "") } }],
    };
  }, [rows]);
  const href = shown ? `${csvHref}&exhibition=${encodeURIComponent(shown)}` : csvHref;
  return (
    <ReportSection
      id="occupancy"
      title="Occupancy"
      csvHref={href}
      table={
        <table className="w-full text-sm">
          <TableHead caption="Occupancy of each slot" columns={["Day", "Time", "Exhibition", { label: "Capacity", align: "right" }, { label: "Sold", align: "right" }, { label: "Checked in", align: "right" }, { label: "Full", align: "right" }]} />
          <tbody>
            {rows.map((row) => (
              <tr key={row.slotId} className="border-b border-line/60">
                <td className="py-1 pr-3">{row.date}</td>
                <td className="py-1 pr-3">{row.time}</td>
                <td className="py-1 pr-3">{row.exhibition.title}</td>
                <td className="py-1 pr-3 text-right tabular-nums">{row.capacity}</td>
                <td className="py-1 pr-3 text-right tabular-nums">{row.sold}</td>
                <td className="py-1 pr-3 text-right tabular-nums">{row.checkedIn}</td>
                <td className="py-1 pr-3 text-right tabular-nums">{Math.round(row.occupancy * 100)}%</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <label className="mt-2 flex items-center gap-2 text-sm font-semibold text-ink">
        Exhibition
        <select value={shown} onChange={(event) => setShown(event.target.value)} className="rounded-lg border border-line bg-white px-2 py-1 font-normal">
          <option value="">All exhibitions</option>
          {exhibitions.map(([slug, title]) => (
            <option key={slug} value={slug}>
              {title}
            </option>
          ))}
        </select>
      </label>
      {rows.length === 0 ? (
        <p className="mt-3 text-muted">No slots in this range.</p>
      ) : (
        <ReportChart option={option} label={`Occupancy from ${report.from} to ${report.to}: a heat map of the share of places sold, by day and time.`} height={Math.max(200, 22 * unique(rows.map((row) => row.date)).length + 110)} />
      )}
    </ReportSection>
  );
}

/** No-shows of ended slots by day: sold but never checked in. */
export function NoShows({ report, csvHref }: { report: OccupancyReport; csvHref: string }) {
  const days = useMemo(() => {
    const byDay = new Map<string, { sold: number; noShows: number }>();
    for (const row of report.rows) {
      if (row.noShows === null) continue;
      const day = byDay.get(row.date) ?? { sold: 0, noShows: 0 };
      byDay.set(row.date, { sold: day.sold + row.sold, noShows: day.noShows + row.noShows });
    }
    return [...byDay].sort(([a], [b]) => a.localeCompare(b));
  }, [report]);
  const option = useMemo(
    () => ({
      tooltip: { trigger: "axis" },
      legend: { top: 0 },
      grid: { left: 48, right: 16, top: 40, bottom: 32 },
      xAxis: { type: "category", data: days.map(([day]) => day.slice(5)) },
      yAxis: { type: "value", name: "Tickets" },
      series: [
        { name: "Checked in", type: "bar", stack: "sold", data: days.map(([, day]) => day.sold - day.noShows) },
        { name: "No-shows", type: "bar", stack: "sold", data: days.map(([, day]) => day.noShows) },
      ],
    }),
    [days],
  );
  const { sold, noShows } = report.noShows;
  return (
    <ReportSection
      id="no-shows"
      title="No-shows"
      csvHref={csvHref}
      table={
        <table className="w-full text-sm">
          <TableHead caption="No-shows by day" columns={["Day", { label: "Sold", align: "right" }, { label: "No-shows", align: "right" }]} />
          <tbody>
            {days.map(([date, day]) => (
              <tr key={date} className="border-b border-line/60">
                <td className="py-1 pr-3">{date}</td>
                <td className="py-1 pr-3 text-right tabular-nums">{day.sold}</td>
                <td className="py-1 pr-3 text-right tabular-nums">{day.noShows}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <p className="mt-1 text-sm text-muted">
        {noShows} of {sold} tickets for slots that have ended were never checked in ({percent(noShows, sold)}%).
      </p>
      {days.length === 0 ? <p className="mt-3 text-muted">No slot of this range has ended yet.</p> : <ReportChart option={option} label="No-shows by day: tickets checked in and not, stacked." height={260} />}
    </ReportSection>
  );
}
