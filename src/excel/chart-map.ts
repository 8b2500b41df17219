import { PlanChart, PlanMap, PlanSeries, PlanSheet, a1, absoluteRange, parseA1 } from "../workbook";
import { HostCapabilities } from "./capabilities";

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
export function queueMapChart(
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
    queueBubbleSeries(ws, sheet, c.series.add(s.name, i), s, map, caps)
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
