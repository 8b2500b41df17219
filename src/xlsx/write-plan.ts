import ExcelJS from "exceljs";
import {
  PlanCell,
  PlanChart,
  PlanSheet,
  PlanStyle,
  ReportPlan,
  a1,
  parseA1,
  quoteSheet,
  absoluteRange,
} from "../workbook";
import { ChartSpec, addCharts } from "./charts";
import { markReportSheets } from "./markers";

const argb = (rgb: string) => `FF${rgb.toUpperCase()}`;

function applyStyle(cell: ExcelJS.Cell, s: PlanStyle): void {
  if (s.bold || s.italic || s.size || s.color) {
    cell.font = {
      ...(s.bold ? { bold: true } : {}),
      ...(s.italic ? { italic: true } : {}),
      ...(s.size ? { size: s.size } : {}),
      ...(s.color ? { color: { argb: argb(s.color) } } : {}),
    };
  }
  if (s.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(s.fill) } };
  if (s.wrap || s.align || s.valign) {
    cell.alignment = {
      ...(s.wrap ? { wrapText: true } : {}),
      ...(s.align ? { horizontal: s.align } : {}),
      ...(s.valign ? { vertical: s.valign } : {}),
    };
  }
  if (s.border) {
    const thin: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FFBFBFBF" } };
    cell.border =
      s.border === "box" ? { top: thin, left: thin, bottom: thin, right: thin } : { bottom: thin };
  }
}

/** Writes one plan cell. Strings go in as text: exceljs stores them as shared strings, never formulas. */
function writeCell(ws: ExcelJS.Worksheet, c: PlanCell): void {
  const cell = ws.getCell(c.row + 1, c.col + 1);
  cell.value = c.value;
  if (c.numFmt && typeof c.value === "number") cell.numFmt = c.numFmt;
  if (c.style) applyStyle(cell, c.style);
}

export function writePlanSheet(workbook: ExcelJS.Workbook, sheet: PlanSheet): void {
  const ws = workbook.addWorksheet(
    sheet.name,
    sheet.tabColor ? { properties: { tabColor: { argb: argb(sheet.tabColor) } } } : {}
  );
  for (const w of sheet.columnWidths) ws.getColumn(w.col + 1).width = w.width;
  for (const c of sheet.cells) writeCell(ws, c);
  for (const h of sheet.rowHeights) ws.getRow(h.row + 1).height = h.height;
  for (const m of sheet.merges)
    ws.mergeCells(m.from.row + 1, m.from.col + 1, m.to.row + 1, m.to.col + 1);
  const lastRow = Math.max(
    0,
    ...sheet.cells.map((c) => c.row),
    ...sheet.charts.map((c) => c.to.row)
  );
  ws.pageSetup = {
    orientation: sheet.page.orientation,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    paperSize: 9, // A4
    printArea: `A1:${a1(lastRow, sheet.page.lastCol)}`,
  };
}

/** The cells of a one-column range, read from the plan so the chart's cache matches the cells. */
function cachedValues(sheet: PlanSheet, range: string): (string | number | null)[] {
  const [from, to] = range.split(":");
  const a = parseA1(from as string);
  const b = parseA1((to ?? from) as string);
  const byAddress = new Map(sheet.cells.map((c) => [a1(c.row, c.col), c.value]));
  const out: (string | number | null)[] = [];
  for (let r = a.row; r <= b.row; r++)
    for (let c = a.col; c <= b.col; c++) out.push(byAddress.get(a1(r, c)) ?? null);
  return out;
}

export function chartSpec(sheet: PlanSheet, chart: PlanChart): ChartSpec {
  const ref = (range: string) => `${quoteSheet(sheet.name)}!${absoluteRange(range)}`;
  const spec: ChartSpec = {
    sheetName: sheet.name,
    from: { col: chart.from.col, row: chart.from.row },
    to: { col: chart.to.col, row: chart.to.row },
    title: chart.title,
    categoriesRef: ref(chart.categories),
    categories: cachedValues(sheet, chart.categories).map((v) => (v === null ? "" : String(v))),
    series: chart.series.map((s) => ({
      name: s.name,
      valuesRef: ref(s.values),
      values: cachedValues(sheet, s.values).map((v) => (typeof v === "number" ? v : null)),
      type: s.type,
      color: s.color,
      ...(s.points && s.points.length > 0 ? { points: s.points } : {}),
      ...(s.dash ? { dash: s.dash } : {}),
      ...(s.marker !== undefined ? { marker: s.marker } : {}),
    })),
    legend: chart.legend,
  };
  if (chart.valueAxisTitle) spec.valueAxisTitle = chart.valueAxisTitle;
  if (chart.valueNumberFormat) spec.valueNumberFormat = chart.valueNumberFormat;
  if (chart.valueAxisMin !== undefined) spec.valueAxisMin = chart.valueAxisMin;
  return spec;
}

/**
 * The input workbook with its earlier report sheets (marked) replaced by the plan's sheets, charts
 * and markers. Returns the finished file's bytes; nothing touches the disk here.
 */
export async function renderPlan(
  workbook: ExcelJS.Workbook,
  plan: ReportPlan,
  replace: readonly string[]
): Promise<Buffer> {
  for (const name of replace) {
    const ws = workbook.getWorksheet(name);
    if (ws) workbook.removeWorksheet(ws.id);
  }
  for (const sheet of plan.sheets) writePlanSheet(workbook, sheet);
  const written = Buffer.from(await workbook.xlsx.writeBuffer());
  const charts = plan.sheets.flatMap((s) => s.charts.map((c) => chartSpec(s, c)));
  const withCharts = charts.length > 0 ? await addCharts(written, charts) : written;
  return markReportSheets(
    withCharts,
    plan.sheets.map((s) => s.name)
  );
}
