import { BarChart, FunnelChart, HeatmapChart, LineChart } from "echarts/charts";
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";

// Only the charts and parts the reports page draws, rendered as SVG: imported by that page's charts alone.
echarts.use([BarChart, LineChart, HeatmapChart, FunnelChart, AriaComponent, GridComponent, LegendComponent, TooltipComponent, VisualMapComponent, SVGRenderer]);

export { echarts };
export type ChartOption = echarts.EChartsCoreOption;
