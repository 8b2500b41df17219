import { PlanCell, PlanSheet, PlanStyle, a1 } from "../workbook";

/**
 * The one place that writes cell values and number formats through Office.js (a test fails the build
 * if any other file in src/ sets `values`, `valuesAsJson`, `formulas` or `numberFormat`). Generate,
 * the template, the sample and the import all write through `writeCells`, so text stays text the
 * same way on every path.
 */

type Plain = string | number | boolean;
type Typed =
  | Excel.StringCellValue
  | Excel.DoubleCellValue
  | Excel.BooleanCellValue
  | Excel.EmptyCellValue;

/**
 * Does Range.valuesAsJson work in this Excel session? "unknown" until the first typed write has been
 * sent; "broken" once that write failed with GeneralException although the host reports ExcelApi
 * 1.16 (Excel 2021 retail: OfficeDev/office-js issue 4750). Module state, so it lasts as long as the
 * add-in's runtime, which is the Excel session (the shared runtime's lifetime is "long").
 */
export type TypedValuesState = "unknown" | "works" | "broken";
let typedState: TypedValuesState = "unknown";

export function typedValuesState(): TypedValuesState {
  return typedState;
}

export function settleTypedValues(state: "works" | "broken"): void {
  if (typedState === "unknown" || state === "broken") typedState = state;
}

/** A new Excel session, as far as this module knows (tests start each case in one). */
export function resetTypedValues(): void {
  typedState = "unknown";
}

/** Whether this write may use valuesAsJson: the host has ExcelApi 1.16 and it has not failed here. */
export function writesTyped(hostHasTypedValues: boolean): boolean {
  return hostHasTypedValues && typedState !== "broken";
}

/**
 * A value as a typed cell value. The Range.values reference (office-js-docs-reference
 * docs/docs-ref-autogen/excel/excel/excel.range.yml, `values`) says a string starting with "=",
 * "+" or "-" is interpreted as a formula, and that ISO-shaped strings ("2010-06-30") become dates.
 * Range.valuesAsJson (same page, ExcelApi 1.16) takes each cell's type explicitly: a
 * StringCellValue (excel.stringcellvalue.yml: "the value of a cell containing a string", basicType
 * String) is a string whatever its characters, as office-js-docs-pr
 * docs/excel/excel-data-types-add-properties-to-basic-cell-values.md writes them.
 */
export function typedValue(v: Plain | null): Typed {
  if (typeof v === "number") return { type: "Double", basicValue: v };
  if (typeof v === "boolean") return { type: "Boolean", basicValue: v };
  if (v === null || v === "") return { type: "Empty", basicValue: "" };
  return { type: "String", basicValue: v };
}

/** Text cells get the Text format ("@"), so that a person editing one later is not second-guessed. */
export const TEXT_FORMAT = "@";

/** A rectangle to write: its values and, unless the cells keep the formats they have, formats. */
export interface CellBlock {
  /** Sheet-local address, "A1:C20". */
  address: string;
  values: Plain[][];
  numberFormat: string[][] | null;
}

/**
 * Writes a block. Typed: valuesAsJson, then the formats (the formats are what the plan asks for,
 * whatever writing a value does). Plain, for Excel without a working valuesAsJson: the Text format
 * first, then values; Microsoft documents the Text format keeping typed entries as text, not
 * Range.values (an assumption: tests/fake-excel/README.md), and the pane says so.
 */
export function writeCells(range: Excel.Range, block: CellBlock, typed: boolean): void {
  if (typed) {
    range.valuesAsJson = block.values.map((row) => row.map(typedValue));
    if (block.numberFormat) range.numberFormat = block.numberFormat;
  } else {
    if (block.numberFormat) range.numberFormat = block.numberFormat;
    range.values = block.values;
  }
}

/**
 * Adds `count` blank rows at the end of a table (ExcelApi 1.4 for several rows). TableRowCollection.add
 * takes values as Range.values does, so only blanks go through it; the cells are written after.
 */
export function addTableRows(table: Excel.Table, count: number, width: number): void {
  table.rows.add(
    undefined,
    Array.from({ length: count }, () => new Array<string>(width).fill(""))
  );
}

/** The block's size in a request (values as sent, and formats), without the request's framing. */
export function blockBytes(block: CellBlock, typed: boolean): number {
  const sent: unknown = typed ? block.values.map((row) => row.map(typedValue)) : block.values;
  return utf8Bytes(JSON.stringify(sent)) + utf8Bytes(JSON.stringify(block.numberFormat ?? []));
}

/** Bytes of a string as UTF-8, which is how a request travels. */
export function utf8Bytes(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/**
 * A rectangle of values and formats (top-left at `row`, `col`) as blocks of whole rows, each at most
 * `maxBytes` as sent typed (the larger of the two ways), so no request has to carry more.
 */
export function splitRows(
  top: number,
  left: number,
  values: Plain[][],
  formats: string[][] | null,
  maxBytes: number
): CellBlock[] {
  const blocks: CellBlock[] = [];
  const width = values[0]?.length ?? 0;
  if (width === 0) return blocks;
  let start = 0;
  while (start < values.length) {
    let end = start;
    let bytes = 0;
    while (end < values.length) {
      const row: CellBlock = {
        address: "",
        values: [values[end] as Plain[]],
        numberFormat: formats ? [formats[end] as string[]] : null,
      };
      const size = blockBytes(row, true);
      if (end > start && bytes + size > maxBytes) break;
      bytes += size;
      end++;
    }
    blocks.push({
      address: `${a1(top + start, left)}:${a1(top + end - 1, left + width - 1)}`,
      values: values.slice(start, end),
      numberFormat: formats ? formats.slice(start, end) : null,
    });
    start = end;
  }
  return blocks;
}

/**
 * Plans give column widths in characters (as .xlsx does); Office.js sets them in points. A character
 * of the default font is about 5.7 points, plus a little padding.
 */
export function columnWidthPoints(characters: number): number {
  return Math.round(characters * 5.7 + 5);
}

/** A plan sheet's cells as blocks over its used area: text with the Text format, numbers with theirs. */
export function cellBlocks(sheet: PlanSheet, maxBlockBytes: number): CellBlock[] {
  if (sheet.cells.length === 0) return [];
  // reduce, not Math.max(...cells): a spread of a large sheet's cells overflows the stack
  const rows = sheet.cells.reduce((m, c) => Math.max(m, c.row), 0) + 1;
  const cols = sheet.cells.reduce((m, c) => Math.max(m, c.col), 0) + 1;
  const values: Plain[][] = Array.from({ length: rows }, () => new Array<Plain>(cols).fill(""));
  const formats: string[][] = Array.from({ length: rows }, () =>
    new Array<string>(cols).fill("General")
  );
  for (const c of sheet.cells) {
    const row = values[c.row] as Plain[];
    const fmt = formats[c.row] as string[];
    if (typeof c.value === "string") {
      row[c.col] = c.value;
      fmt[c.col] = TEXT_FORMAT;
    } else if (typeof c.value === "number") {
      row[c.col] = c.value;
      fmt[c.col] = c.numFmt ?? "General";
    }
  }
  return splitRows(0, 0, values, formats, maxBlockBytes);
}

export interface StyleRun {
  address: string;
  style: PlanStyle;
}

/** Cells with the same style side by side in a row become one range: fewer operations per request. */
export function styleRuns(cells: readonly PlanCell[]): StyleRun[] {
  const styled = cells.filter((c) => c.style).sort((a, b) => a.row - b.row || a.col - b.col);
  const runs: StyleRun[] = [];
  let current: { row: number; from: number; to: number; key: string; style: PlanStyle } | null =
    null;
  const flush = () => {
    if (current)
      runs.push({
        address:
          current.from === current.to
            ? a1(current.row, current.from)
            : `${a1(current.row, current.from)}:${a1(current.row, current.to)}`,
        style: current.style,
      });
  };
  for (const c of styled) {
    const key = JSON.stringify(c.style);
    if (current && current.row === c.row && current.to === c.col - 1 && current.key === key) {
      current.to = c.col;
      continue;
    }
    flush();
    current = { row: c.row, from: c.col, to: c.col, key, style: c.style as PlanStyle };
  }
  flush();
  return runs;
}
