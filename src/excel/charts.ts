import { PlanChart, a1 } from "../workbook";
import { opBytes } from "./batch";
import { HostCapabilities } from "./capabilities";

/**
 * The one place that writes charts through Office.js: every chart of every path is a plan chart
 * (src/workbook/plan-types.ts) drawn here, so Excel's limits on charts are kept in one place.
 */

/**
 * ChartSeries.name: "The name's length should not be greater than 255 characters"
 * (office-js-docs-reference docs/docs-ref-autogen/excel/excel/excel.chartseries.yml, `name`).
 */
export const MAX_SERIES_NAME = 255;

/** A series name Excel accepts: cut to 255 characters, ending "…", never inside a surrogate pair. */
export function seriesName(name: string): string {
  if (name.length <= MAX_SERIES_NAME) return name;
  let end = MAX_SERIES_NAME - 1;
  const last = name.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--; // keep an emoji whole
  return `${name.slice(0, end)}…`;
}

const hex = (rgb: string) => `#${rgb}`;

/** The chart's estimated size in a request: its operations and their text. */
export function chartBytes(chart: PlanChart): number {
  const points = chart.series.reduce((n, s) => n + (s.points?.length ?? 0), 0);
  const text = [
    chart.title,
    chart.categories,
    chart.valueAxisTitle ?? "",
    chart.valueNumberFormat ?? "",
    ...chart.series.map((s) => seriesName(s.name) + s.values + s.color),
  ].join("");
  return opBytes(16 + 14 * chart.series.length + 6 * points, text);
}

/**
 * Queues a plan chart on a sheet (ExcelApi 1.7: series, their types, line styles and markers; the
 * value axis's number format is ExcelApi 1.8 and is asked for first).
 */
export function queueChart(
  ws: Excel.Worksheet,
  chart: PlanChart,
  name: string,
  caps: HostCapabilities
): void {
  const [first] = chart.series;
  if (!first) return;
  const type = chart.kind === "position" ? "ColumnClustered" : "Line";
  const c = ws.charts.add(type, ws.getRange(first.values), "Columns");
  c.name = name;
  c.title.text = chart.title;
  c.setPosition(a1(chart.from.row, chart.from.col), a1(chart.to.row, chart.to.col));
  c.legend.visible = chart.legend !== "none";
  if (chart.legend !== "none") c.legend.position = chart.legend === "bottom" ? "Bottom" : "Right";
  if (chart.valueAxisTitle) c.axes.valueAxis.title.text = chart.valueAxisTitle;
  // ChartAxis.numberFormat is ExcelApi 1.8; without it the axis keeps Excel's default format.
  if (chart.valueNumberFormat && caps.axisNumberFormat)
    c.axes.valueAxis.numberFormat = chart.valueNumberFormat;
  if (chart.valueAxisMin !== undefined) c.axes.valueAxis.minimum = chart.valueAxisMin;
  chart.series.forEach((s, i) => {
    const label = seriesName(s.name);
    const series = i === 0 ? c.series.getItemAt(0) : c.series.add(label);
    series.name = label;
    if (i > 0) series.setValues(ws.getRange(s.values));
    series.setXAxisValues(ws.getRange(chart.categories));
    if (s.type === "line") {
      series.chartType = "Line";
      series.markerStyle = s.marker ? "Circle" : "None";
      if (s.marker) {
        // Markers in the series' colour, as the file host draws them (ChartSeries.marker*, 1.7).
        series.markerBackgroundColor = hex(s.color);
        series.markerForegroundColor = hex(s.color);
      }
      if (s.line === false) {
        // Markers alone (the special-cause months of an XmR chart): no line, larger markers
        // (ChartLineFormat.lineStyle "None": ExcelApi 1.7).
        series.format.line.lineStyle = "None";
        series.markerSize = 7;
      } else {
        series.format.line.color = hex(s.color);
        series.format.line.lineStyle = s.dash === "dash" ? "Dash" : "Continuous";
      }
    } else {
      series.chartType = "ColumnClustered";
      series.format.fill.setSolidColor(hex(s.color));
      for (const p of s.points ?? [])
        series.points.getItemAt(p.index).format.fill.setSolidColor(hex(p.color));
    }
  });
}
