import {
  PlanChart,
  PlanSheet,
  PlanStyle,
  REPORT_MARKER,
  ReportPlan,
  a1,
  columnLetter,
  parseA1,
} from "../workbook";
import { CellBlock, cellBlocks, columnWidthPoints, styleRuns, writeValues } from "./cells";
import { HostCapabilities } from "./capabilities";
import { HostError } from "./errors";
import { pageLayoutOperations, queuePageLayout } from "./page-layout";
import { queueMapChart } from "./chart-map";

/** The number of cells of a one-column range ("U5:U30" is 26). */
const rangeCells = (range: string): number => {
  const [a, b] = range.split(":");
  return parseA1((b ?? a) as string).row - parseA1(a as string).row + 1;
};

/** Excel on the web rejects requests over 5 MB; we stay under 4 MB per sync. */
export const MAX_REQUEST_BYTES = 4 * 1024 * 1024;
const MAX_BLOCK_BYTES = 1024 * 1024;
/** An estimate of one queued operation's size in the request (method, ids, arguments). */
const OP_BYTES = 160;

const hex = (rgb: string) => `#${rgb}`;

function applyStyle(range: Excel.Range, s: PlanStyle): void {
  const f = range.format;
  if (s.bold) f.font.bold = true;
  if (s.italic) f.font.italic = true;
  if (s.size) f.font.size = s.size;
  if (s.color) f.font.color = hex(s.color);
  if (s.fill) f.fill.color = hex(s.fill);
  if (s.wrap) f.wrapText = true;
  if (s.align)
    f.horizontalAlignment = s.align === "left" ? "Left" : s.align === "center" ? "Center" : "Right";
  if (s.valign) f.verticalAlignment = s.valign === "top" ? "Top" : "Center";
  if (s.border) {
    const edges =
      s.border === "box"
        ? (["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"] as const)
        : (["EdgeBottom"] as const);
    for (const edge of edges) {
      const b = f.borders.getItem(edge);
      b.style = "Continuous";
      b.color = "#BFBFBF";
    }
  }
}

function queueChart(
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
    const series = i === 0 ? c.series.getItemAt(0) : c.series.add(s.name);
    series.name = s.name;
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

/** One unit of work for a sheet, with its estimated request size. */
interface Part {
  bytes: number;
  queue: () => void;
}

function sheetParts(ws: Excel.Worksheet, sheet: PlanSheet, caps: HostCapabilities): Part[] {
  const parts: Part[] = [];
  const widths = sheet.columnWidths;
  parts.push({
    bytes: OP_BYTES * (1 + widths.length + sheet.rowHeights.length + sheet.merges.length),
    queue: () => {
      for (const w of widths)
        ws.getRange(`${columnLetter(w.col)}:${columnLetter(w.col)}`).format.columnWidth =
          columnWidthPoints(w.width);
      for (const h of sheet.rowHeights)
        ws.getRange(`${h.row + 1}:${h.row + 1}`).format.rowHeight = h.height;
      for (const m of sheet.merges)
        ws.getRange(`${a1(m.from.row, m.from.col)}:${a1(m.to.row, m.to.col)}`).merge(false);
    },
  });
  for (const block of cellBlocks(sheet, MAX_BLOCK_BYTES, caps.typedValues)) {
    parts.push({
      bytes: block.bytes,
      queue: () => writeBlock(ws, block),
    });
  }
  const runs = styleRuns(sheet.cells);
  parts.push({
    bytes: OP_BYTES * 4 * runs.length,
    queue: () => runs.forEach((r) => applyStyle(ws.getRange(r.address), r.style)),
  });
  // Explicit heights for every printed row, then (ExcelApi 1.9) A4, breaks, header and footer.
  parts.push({
    bytes: OP_BYTES * pageLayoutOperations(sheet, caps),
    queue: () => queuePageLayout(ws, sheet, caps),
  });
  sheet.charts.forEach((chart, i) => {
    parts.push({
      bytes:
        OP_BYTES *
        (12 +
          8 * chart.series.length +
          3 * chart.series.reduce((n, s) => n + (s.points?.length ?? 0), 0) +
          // A map's labelled points: three operations each (its cells, at most).
          3 * chart.series.reduce((n, s) => n + (s.labels ? rangeCells(s.labels) : 0), 0)),
      queue: () => queueChart(ws, sheet, chart, `CDRP ${sheet.name} ${i + 1}`, caps),
    });
  });
  return parts;
}

function writeBlock(ws: Excel.Worksheet, block: CellBlock): void {
  writeValues(ws.getRange(block.address), block.values, block.numberFormat, block.typed);
}

export interface RenderResult {
  sheets: string[];
  writeSyncs: number;
  largestRequestBytes: number;
}

/** Names for the sheets while they are written, which no existing sheet has. */
export function temporaryNames(count: number, existing: readonly string[]): string[] {
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  const out: string[] = [];
  for (let i = 1; out.length < count; i++) {
    const name = `CDRP working ${i}`;
    if (!taken.has(name.toLowerCase())) out.push(name);
  }
  return out;
}

/**
 * Writes the plan. New sheets are written under temporary names first; only when every one is
 * complete does one final batch delete the previous report, give the new sheets their names and
 * mark them. A failure before that leaves the previous report and the data exactly as they were.
 */
export async function renderReport(
  ctx: Excel.RequestContext,
  plan: ReportPlan,
  existing: readonly string[],
  replace: readonly string[],
  caps: HostCapabilities
): Promise<RenderResult> {
  const temp = temporaryNames(plan.sheets.length, existing);
  let pending = 0;
  let writeSyncs = 0;
  let largest = 0;
  const flush = async () => {
    await ctx.sync();
    writeSyncs++;
    largest = Math.max(largest, pending);
    pending = 0;
  };
  try {
    for (const [i, sheet] of plan.sheets.entries()) {
      const ws = ctx.workbook.worksheets.add(temp[i]);
      pending += OP_BYTES;
      for (const part of sheetParts(ws, sheet, caps)) {
        if (pending > 0 && pending + part.bytes > MAX_REQUEST_BYTES) await flush();
        part.queue();
        pending += part.bytes;
      }
    }
    // The swap: old report out, new sheets named and marked, in one batch.
    for (const name of replace) ctx.workbook.worksheets.getItem(name).delete();
    plan.sheets.forEach((sheet, i) => {
      const ws = ctx.workbook.worksheets.getItem(temp[i] as string);
      ws.name = sheet.name;
      ws.names.add(
        REPORT_MARKER,
        "=TRUE",
        "Generated by the CDRP add-in: replaced on the next run."
      );
    });
    const first = plan.sheets[0];
    if (first) ctx.workbook.worksheets.getItem(first.name).activate();
    pending += OP_BYTES * (replace.length + 3 * plan.sheets.length + 1);
    await flush();
  } catch (e) {
    // Whatever this run created goes: its temporary sheets, and any already given a new name.
    const created = plan.sheets
      .map((s) => s.name)
      .filter((n) => !existing.some((x) => x.toLowerCase() === n.toLowerCase()));
    const after = await removeSheets(ctx, [...temp, ...created], replace);
    throw afterFailure(e, after);
  }
  return { sheets: plan.sheets.map((s) => s.name), writeSyncs, largestRequestBytes: largest };
}

interface CleanUp {
  /** Sheets of this run still in the workbook; null when the workbook could not even be read. */
  left: string[] | null;
  /** Sheets of the previous report that the failed swap had already deleted. */
  previousGone: string[];
}

/**
 * Clean-up after a failure: deletes the sheets this run created (2 syncs, not in any undo group)
 * and says what is left, so the message never claims nothing changed when something did.
 */
async function removeSheets(
  ctx: Excel.RequestContext,
  names: readonly string[],
  replace: readonly string[]
): Promise<CleanUp> {
  const wanted = new Set(names.map((n) => n.toLowerCase()));
  let present: string[];
  let previousGone: string[] = [];
  try {
    const sheets = ctx.workbook.worksheets;
    sheets.load("items/name");
    await ctx.sync();
    const all = new Set(sheets.items.map((s) => s.name.toLowerCase()));
    previousGone = replace.filter((n) => !all.has(n.toLowerCase()));
    const doomed = sheets.items.filter((s) => wanted.has(s.name.toLowerCase()));
    present = doomed.map((s) => s.name);
    doomed.forEach((s) => s.delete());
  } catch {
    return { left: null, previousGone };
  }
  try {
    await ctx.sync();
    return { left: [], previousGone };
  } catch {
    return { left: present, previousGone };
  }
}

/** The failure, with what the clean-up could not undo said in words. */
function afterFailure(e: unknown, after: CleanUp): unknown {
  if (after.left !== null && after.left.length === 0 && after.previousGone.length === 0) return e;
  const code =
    typeof (e as { code?: unknown })?.code === "string" ? (e as { code: string }).code : "Unknown";
  const list = (names: readonly string[]) => names.map((n) => `"${n}"`).join(", ");
  const parts = ["Excel stopped the report part-way, and the add-in could not tidy up after it."];
  if (after.left === null)
    parts.push(
      'Sheets named "CDRP working 1" (and on) may be left in the workbook: delete them (right-click the tab > Delete).'
    );
  else if (after.left.length > 0)
    parts.push(
      `These unfinished sheets are still there: ${list(after.left)}. Delete them (right-click the tab > Delete).`
    );
  if (after.previousGone.length > 0)
    parts.push(
      `The previous report's sheets ${list(after.previousGone)} had already been removed: generate the report again.`
    );
  parts.push("Your data sheets have not been changed.");
  return new HostError({ code, title: "The report was not finished", message: parts.join(" ") });
}
