import { PlanChart, PlanMap, PlanSeries, PlanSheet, a1, absoluteRange, parseA1 } from "../workbook";
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
  // A map's labelled points: three operations each (at most one a cell of its label range).
  const labels = chart.series.reduce((n, s) => n + (s.labels ? rangeCells(s.labels) : 0), 0);
  return opBytes(16 + 14 * chart.series.length + 6 * points + 3 * labels, text);
}

/** The number of cells of a one-column range ("U5:U30" is 26). */
function rangeCells(range: string): number {
  const [a, b] = range.split(":");
  return parseA1((b ?? a) as string).row - parseA1(a as string).row + 1;
}

/**
 * Queues a plan chart on a sheet (ExcelApi 1.7: series, their types, line styles and markers; the
 * value axis's number format is ExcelApi 1.8 and is asked for first).
 */
export function queueChart(
  ws: Excel.Worksheet,
  sheet: PlanSheet,
  chart: PlanChart,
  name: string,
  caps: HostCapabilities
): void {
  if (chart.map) return queueMapChart(ws, sheet, chart, chart.map, name, caps);
  const [first] = chart.series;
  if (!first) return;
  // Horizontal bars (the areas' chart): the plan lists the most crime last, so it is drawn on top.
  const bars = first.type === "bar" ? "BarClustered" : "ColumnClustered";
  const type = chart.kind === "position" || first.type === "bar" ? bars : "Line";
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
      series.chartType = bars;
      series.format.fill.setSolidColor(hex(s.color));
      for (const p of s.points ?? [])
        series.points.getItemAt(p.index).format.fill.setSolidColor(hex(p.color));
    }
  });
}

/**
 * A map chart of the plan (spec/areas.md) in Office.js: a bubble chart, built as Microsoft's
 * sample does (office-js-docs-reference excel.chartseries.yml, setBubbleSizes, ExcelApi 1.7: add
 * the chart from a range, delete the series Excel made, add each series with setXAxisValues,
 * setValues and setBubbleSizes), with the chart's size, both axes' bounds and the plot area's
 * inside (ChartPlotArea.inside*, ExcelApi 1.8) set from the plan so a kilometre is the same length
 * across and up. Point labels are linked to their cells (ChartDataLabel.formula, ExcelApi 1.8);
 * bubble size is ChartSeries.bubbleScale (ExcelApi 1.9). Without those sets the map is drawn
 * without them, and generate.ts says so in a sentence.
 */
function queueMapChart(
  ws: Excel.Worksheet,
  sheet: PlanSheet,
  chart: PlanChart,
  map: PlanMap,
  name: string,
  caps: HostCapabilities
): void {
  const [first] = chart.series;
  if (!first) return;
  const c = ws.charts.add("Bubble", ws.getRange(first.values), "Columns");
  c.series.getItemAt(0).delete();
  c.name = name;
  c.title.text = chart.title;
  c.setPosition(a1(chart.from.row, chart.from.col));
  c.width = map.width;
  c.height = map.height;
  c.legend.visible = chart.legend !== "none";
  if (chart.legend !== "none") c.legend.position = chart.legend === "bottom" ? "Bottom" : "Right";
  // On an XY (bubble) chart the category axis is the horizontal value axis.
  const x = c.axes.categoryAxis;
  const y = c.axes.valueAxis;
  x.minimum = map.x.min;
  x.maximum = map.x.max;
  x.title.text = map.x.title;
  y.minimum = map.y.min;
  y.maximum = map.y.max;
  y.title.text = map.y.title;
  if (caps.chartLayout) {
    const p = c.plotArea;
    p.insideLeft = map.plot.x * map.width;
    p.insideTop = map.plot.y * map.height;
    p.insideWidth = map.plot.w * map.width;
    p.insideHeight = map.plot.h * map.height;
  }
  chart.series.forEach((s, i) =>
    queueBubbleSeries(ws, sheet, c.series.add(seriesName(s.name), i), s, map, caps)
  );
}

function queueBubbleSeries(
  ws: Excel.Worksheet,
  sheet: PlanSheet,
  series: Excel.ChartSeries,
  s: PlanSeries,
  map: PlanMap,
  caps: HostCapabilities
): void {
  if (s.xValues) series.setXAxisValues(ws.getRange(s.xValues));
  series.setValues(ws.getRange(s.values));
  if (s.sizes) series.setBubbleSizes(ws.getRange(s.sizes));
  series.format.fill.setSolidColor(`#${s.color}`);
  if (caps.bubbleScale) series.bubbleScale = map.bubbleScale;
  if (!caps.chartLayout || !s.labels) return;
  for (const at of labelCells(sheet, s.labels)) {
    const point = series.points.getItemAt(at.index);
    point.hasDataLabel = true;
    // The label shows its cell's text: never typed in, so a name is never read as a formula.
    point.dataLabel.formula = `=${quoteSheet(sheet.name)}!${absoluteRange(at.cell)}`;
    point.dataLabel.position = "Right";
  }
}

/** The cells of a label range that hold text (the plan's), by point: the points with a label. */
export function labelCells(sheet: PlanSheet, range: string): { index: number; cell: string }[] {
  const [start, end] = range.split(":");
  const from = parseA1(start as string);
  const to = parseA1((end ?? start) as string);
  const text = new Map<number, unknown>();
  for (const c of sheet.cells) if (c.col === from.col) text.set(c.row, c.value);
  const out: { index: number; cell: string }[] = [];
  for (let row = from.row; row <= to.row; row++) {
    const v = text.get(row);
    if (typeof v === "string" && v.trim() !== "")
      out.push({ index: row - from.row, cell: a1(row, from.col) });
  }
  return out;
}

/** A sheet name as a formula writes it: quoted, apostrophes doubled. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}
