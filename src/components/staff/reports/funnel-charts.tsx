"use client";

import { useMemo } from "react";
import type { FunnelReport } from "@/domain/reports/funnel-report";
import { TableHead } from "../table-head";
import { ReportChart } from "./report-chart";
import { BigFigure, ReportSection } from "./report-section";

const seconds = (ms: number | null) => (ms === null ? "—" : ms < 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 1000)} s`);

/** The booking funnel: carts that took places, checkouts, payments started, paid; and the headline rates. */
export function FunnelCharts({ report, csvHref }: { report: FunnelReport; csvHref: string }) {
  const steps = useMemo(
    (): [string, number][] => [
      ["Carts that added", report.cartsAdded],
      ["Checkouts", report.checkouts],
      ["Payments started", report.paymentsStarted],
      ["Paid", report.paid],
    ],
    [report],
  );
  const option = useMemo(
    () => ({
      tooltip: { trigger: "item" },
      series: [{ name: "Funnel", type: "funnel", left: "10%", width: "80%", top: 8, bottom: 8, sort: "none", minSize: "8%", label: { show: true, position: "inside", formatter: "{b}: {c}", color: "#fff" }, data: steps.map(([name, value]) => ({ name, value })) }],
    }),
    [steps],
  );
  const rate = report.cartAddSuccessRate === null ? "—" : `${(report.cartAddSuccessRate * 100).toFixed(1)}%`;
  const figures: [string, number | string][] = [
    ...steps,
    ["Adds that succeeded", report.addsSucceeded],
    ["Adds refused", report.addsRefused],
    ...Object.entries(report.refusedBy).map(([code, count]): [string, number] => [`Refused: ${code.replaceAll("_", " ")}`, count]),
    ["Holds that expired", report.holdsExpired],
    ["Sign-ins", report.signIns],
    ["Sign-in to first cart, median", seconds(report.signInToFirstCart.medianMs)],
    ["Sign-in to first cart, 95th percentile", seconds(report.signInToFirstCart.p95Ms)],
  ];
  return (
    <ReportSection
      id="funnel"
      title="Booking funnel"
      csvHref={csvHref}
      table={
        <table className="w-full text-sm">
          <TableHead caption="The booking funnel" columns={["Step", { label: "Count", align: "right" }]} />
          <tbody>
            {figures.map(([label, value]) => (
              <tr key={label} className="border-b border-line/60">
                <th scope="row" className="py-1 pr-3 text-left font-normal">{label}</th>
                <td className="py-1 pr-3 text-right tabular-nums">{value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <dl className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <BigFigure label="Cart-add success rate" value={rate} note={`${report.addsSucceeded} of ${report.addsSucceeded + report.addsRefused} adds`} />
        <BigFigure label="Sign-in to first cart (median)" value={seconds(report.signInToFirstCart.medianMs)} note={`95th percentile ${seconds(report.signInToFirstCart.p95Ms)}, ${report.signInToFirstCart.count} sign-ins`} />
        <BigFigure label="Holds that expired" value={String(report.holdsExpired)} />
        <BigFigure label="Paid of checkouts" value={report.checkouts > 0 ? `${Math.round((report.paid / report.checkouts) * 100)}%` : "—"} note={`${report.paid} of ${report.checkouts}`} />
      </dl>
      <ReportChart option={option} label={`Booking funnel from ${report.from} to ${report.to}: ${steps.map(([name, value]) => `${name} ${value}`).join(", ")}.`} height={280} />
    </ReportSection>
  );
}
