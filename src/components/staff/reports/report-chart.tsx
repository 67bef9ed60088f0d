"use client";

import { useEffect, useRef } from "react";
import type { ChartOption } from "./echarts-setup";

// The site's palette (globals.css): accent, gold, ok, ink, warn.
const PALETTE = ["#7a2e1d", "#b7791f", "#1d5b3a", "#5b514a", "#8a4b00"];

/**
 * One ECharts chart, drawn as SVG once ECharts has loaded (only on the reports page). ECharts'
 * aria option describes it to screen readers; the figures are also in a table beside it.
 */
export function ReportChart({ option, label, height = 320 }: { option: ChartOption; label: string; height?: number }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let disposed = false;
    let chart: { resize: () => void; dispose: () => void } | undefined;
    const resize = () => chart?.resize();
    void import("./echarts-setup").then(({ echarts }) => {
      if (disposed || !box.current) return;
      const drawn = echarts.init(box.current, undefined, { renderer: "svg" });
      drawn.setOption({ color: PALETTE, animation: false, aria: { enabled: true, label: { description: label } }, textStyle: { fontFamily: "inherit" }, ...option });
      chart = drawn;
      window.addEventListener("resize", resize);
    });
    return () => {
      disposed = true;
      window.removeEventListener("resize", resize);
      chart?.dispose();
    };
  }, [option, label]);
  return <div ref={box} role="img" aria-label={label} style={{ height }} className="w-full" data-testid="report-chart" />;
}
