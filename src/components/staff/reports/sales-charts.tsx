"use client";

import { useMemo } from "react";
import { minorDigits, type Money } from "@/domain/money";
import type { SalesReport } from "@/domain/reports/sales-report";
import { formatMoney } from "../../format";
import { TableHead } from "../table-head";
import { ReportChart } from "./report-chart";
import { ReportSection } from "./report-section";

const major = (value: Money) => value.amount / 10 ** minorDigits(value.currency);
const COLUMNS = ["", { label: "Sold", align: "right" as const }, { label: "Gross", align: "right" as const }, { label: "Refunded", align: "right" as const }, { label: "Net", align: "right" as const }];

function SalesTable({ report, caption }: { report: SalesReport; caption: string }) {
  return (
    <table className="w-full text-sm">
      <TableHead caption={caption} columns={[report.by === "day" ? "Day" : report.by === "exhibition" ? "Exhibition" : "Ticket type", ...COLUMNS.slice(1)]} />
      <tbody>
        {[...report.rows, { key: "total", label: "Total", ...report.total }].map((row) => (
          <tr key={row.key} className="border-b border-line/60">
            <th scope="row" className="py-1 pr-3 text-left font-normal">{row.label}</th>
            <td className="py-1 pr-3 text-right tabular-nums">{row.ticketsSold}</td>
            <td className="py-1 pr-3 text-right tabular-nums">{formatMoney(row.gross)}</td>
            <td className="py-1 pr-3 text-right tabular-nums">{formatMoney(row.refunded)}</td>
            <td className="py-1 pr-3 text-right tabular-nums">{formatMoney(row.net)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Sales by day: gross and net as bars, tickets sold as a line. */
export function SalesByDay({ report, csvHref }: { report: SalesReport; csvHref: string }) {
  const option = useMemo(
    () => ({
      tooltip: { trigger: "axis" },
      legend: { top: 0 },
      grid: { left: 56, right: 48, top: 40, bottom: 32 },
      xAxis: { type: "category", data: report.rows.map((row) => row.key.slice(5)) },
      yAxis: [{ type: "value", name: report.total.gross.currency }, { type: "value", name: "Tickets", splitLine: { show: false } }],
      series: [
        { name: "Gross", type: "bar", data: report.rows.map((row) => major(row.gross)) },
        { name: "Net", type: "bar", data: report.rows.map((row) => major(row.net)) },
        { name: "Tickets sold", type: "line", yAxisIndex: 1, data: report.rows.map((row) => row.ticketsSold) },
      ],
    }),
    [report],
  );
  return (
    <ReportSection id="sales-by-day" title="Sales by day" csvHref={csvHref} table={<SalesTable report={report} caption="Sales by day" />}>
      <p className="mt-1 text-sm text-muted">
        {report.total.ticketsSold} tickets, {formatMoney(report.total.gross)} gross, {formatMoney(report.total.refunded)} refunded, {formatMoney(report.total.net)} net.
      </p>
      <ReportChart option={option} label={`Sales by day from ${report.from} to ${report.to}: gross and net takings as bars, tickets sold as a line.`} />
    </ReportSection>
  );
}

/** Net takings of each exhibition or ticket type, as horizontal bars. */
export function SalesByGroup({ report, title, csvHref }: { report: SalesReport; title: string; csvHref: string }) {
  const rows = useMemo(() => [...report.rows].reverse(), [report]);
  const option = useMemo(
    () => ({
      tooltip: { trigger: "axis" },
      grid: { left: 184, right: 32, top: 16, bottom: 32 },
      xAxis: { type: "value", name: report.total.net.currency },
      yAxis: { type: "category", data: rows.map((row) => row.label), axisLabel: { width: 150, overflow: "truncate" } },
      series: [{ name: "Net", type: "bar", data: rows.map((row) => major(row.net)) }],
    }),
    [report, rows],
  );
  return (
    <ReportSection id={`sales-by-${report.by}`} title={title} csvHref={csvHref} table={<SalesTable report={report} caption={title} />}>
      {report.rows.length === 0 ? <p className="mt-3 text-muted">Nothing sold in this range.</p> : <ReportChart option={option} label={`${title}: net takings as bars.`} height={Math.max(160, 40 * report.rows.length + 48)} />}
    </ReportSection>
  );
}
