/**
 * A report sheet's worksheet part, written straight from the plan. Text goes in as inline strings
 * (t="inlineStr"): it is literal text that no reader takes for a formula, and it needs no entry in
 * the input's shared strings, so a later run that removes the sheet leaves nothing behind.
 * Element order follows CT_Worksheet (ECMA-376 Part 1, 18.3.1.99).
 */
import { PlanCell, PlanSheet, a1 } from "../../workbook";
import { escText } from "../charts/xml";
import { pagePieces } from "./page-xml";
import { SheetCells } from "./plan-cells";

export const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
export const CT_WORKSHEET =
  "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** Excel reads "_x0041_" in text as an escaped character; a literal one escapes its underscore. */
function excelText(text: string): string {
  return text.replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1");
}

function cellXml(c: PlanCell, style: number): string {
  const s = style > 0 ? ` s="${style}"` : "";
  const ref = a1(c.row, c.col);
  if (typeof c.value === "number" && Number.isFinite(c.value))
    return `<c r="${ref}"${s}><v>${String(c.value)}</v></c>`;
  // Characters XML cannot hold are dropped; text left empty is a blank cell.
  const text = typeof c.value === "string" ? escText(excelText(c.value)) : "";
  if (text !== "") {
    const space = /^\s|\s$/.test(text) ? ` xml:space="preserve"` : "";
    return `<c r="${ref}"${s} t="inlineStr"><is><t${space}>${text}</t></is></c>`;
  }
  return style > 0 ? `<c r="${ref}"${s}/>` : "";
}

/** The last row the sheet uses, counting the charts' frames (printing covers them too). */
export function lastRowOf(sheet: PlanSheet): number {
  // Loops, not Math.max(...cells): a report of thousands of measures has too many cells to spread.
  let last = 0;
  for (const c of sheet.cells) if (c.row > last) last = c.row;
  for (const c of sheet.charts) if (c.to.row > last) last = c.to.row;
  return last;
}

/** The last column the sheet uses: its page width, or a cell beyond it. */
function lastColOf(sheet: PlanSheet): number {
  let last = Math.max(0, sheet.page.lastCol);
  for (const c of sheet.cells) if (c.col > last) last = c.col;
  return last;
}

export interface SheetXmlOptions {
  /** The tab is the workbook's active one. */
  selected: boolean;
  /** The relationship id of the sheet's drawing (its charts), when it has one. */
  drawingRelId?: string;
  /** The sheet's cells by address, when the caller has them already. */
  cells?: SheetCells;
}

/** What each row of a <sheetData> needs (see rowXml). */
interface RowState {
  heights: Map<number, number>;
  lastPrinted: number;
  defaultHeight: number;
  styleOf: (c: PlanCell) => number;
  open: boolean;
}

/**
 * One <row> (and the <sheetData> start before the first). A module-level function, not a closure
 * made per sheet: V8 optimised the closure again for nearly every workbook of a batch (14 times in
 * 16 workbooks of 300 measures, by `node --log-function-events`; this function 4 times), its
 * optimised code going with the closures that had it.
 */
function* rowXml(s: RowState, r: number, cells: readonly PlanCell[]): Generator<string> {
  let xml = "";
  for (const c of cells) xml += cellXml(c, s.styleOf(c));
  const h = s.heights.get(r) ?? (r <= s.lastPrinted ? s.defaultHeight : undefined);
  const ht = h !== undefined ? ` ht="${h}" customHeight="1"` : "";
  if (!xml && !ht) return;
  if (!s.open) yield "<sheetData>";
  s.open = true;
  yield `<row r="${r + 1}"${ht}>${xml}</row>`;
}

/** <sheetData>, one row at a time. */
function* sheetData(
  sheet: PlanSheet,
  byAddress: SheetCells,
  styleOf: (c: PlanCell) => number
): Generator<string> {
  // Every printed row at an explicit height: the page breaks were computed for these heights, and
  // a renderer sizing a row itself (LibreOffice fits rows to their text on opening) would move them.
  // Rows 0..lastRow merge in with the plan's rows, both ascending.
  const s: RowState = {
    heights: new Map(sheet.rowHeights.map((h) => [h.row, h.height])),
    lastPrinted: sheet.page.lastRow,
    defaultHeight: sheet.page.defaultRowHeight,
    styleOf,
    open: false,
  };
  let next = 0;
  for (const { row: r, cells } of byAddress.rows) {
    for (; next < r && next <= s.lastPrinted; next++) yield* rowXml(s, next, []);
    next = Math.max(next, r + 1);
    yield* rowXml(s, r, cells);
  }
  for (; next <= s.lastPrinted; next++) yield* rowXml(s, next, []);
  yield s.open ? "</sheetData>" : "<sheetData/>";
}

function colsXml(sheet: PlanSheet): string {
  const widths = new Map(sheet.columnWidths.map((w) => [w.col, w.width]));
  const cols = [...widths.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([col, w]) => `<col min="${col + 1}" max="${col + 1}" width="${w}" customWidth="1"/>`)
    .join("");
  return cols ? `<cols>${cols}</cols>` : "";
}

function mergesXml(sheet: PlanSheet): string {
  const merges = sheet.merges
    .map((m) => `<mergeCell ref="${a1(m.from.row, m.from.col)}:${a1(m.to.row, m.to.col)}"/>`)
    .join("");
  return merges ? `<mergeCells count="${sheet.merges.length}">${merges}</mergeCells>` : "";
}

/**
 * The worksheet part as a sequence of pieces, each one element of CT_Worksheet in schema order
 * (a new element is one more piece in its place); <sheetData> comes row by row, so a sheet of a
 * million cells is never one string. Give the pieces to ZipPackage.writePieces.
 */
export function* sheetXmlPieces(
  sheet: PlanSheet,
  styleOf: (c: PlanCell) => number,
  opts: SheetXmlOptions
): Generator<string> {
  const tab = sheet.tabColor ? `<tabColor rgb="FF${sheet.tabColor.toUpperCase()}"/>` : "";
  yield `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`;
  yield `<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_R}">`;
  yield `<sheetPr>${tab}<pageSetUpPr fitToPage="1"/></sheetPr>`;
  yield `<dimension ref="A1:${a1(lastRowOf(sheet), lastColOf(sheet))}"/>`;
  yield `<sheetViews><sheetView${opts.selected ? ` tabSelected="1"` : ""} workbookViewId="0"/></sheetViews>`;
  yield `<sheetFormatPr defaultRowHeight="15"/>`;
  yield colsXml(sheet);
  yield* sheetData(sheet, opts.cells ?? new SheetCells(sheet), styleOf);
  yield mergesXml(sheet);
  yield* pagePieces(sheet.page);
  if (opts.drawingRelId) yield `<drawing r:id="${opts.drawingRelId}"/>`;
  yield `</worksheet>`;
}

/** The worksheet part as one string (tests, small sheets). */
export function sheetXml(
  sheet: PlanSheet,
  styleOf: (c: PlanCell) => number,
  opts: SheetXmlOptions
): string {
  return [...sheetXmlPieces(sheet, styleOf, opts)].join("");
}
