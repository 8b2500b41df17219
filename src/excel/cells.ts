import { PlanCell, PlanSheet, PlanStyle, a1 } from "../workbook";

/**
 * A plan sheet's cells as rectangular blocks for Office.js: values and number formats as 2-D arrays
 * over the used area, split by rows so no block is too large for one request.
 */
export interface CellBlock {
  address: string;
  values: (string | number)[][];
  numberFormat: string[][];
  /** How the values are sent: typed (Range.valuesAsJson) or plain (Range.values). */
  typed: boolean;
  bytes: number;
}

type Plain = string | number | boolean;
type Typed =
  | Excel.StringCellValue
  | Excel.DoubleCellValue
  | Excel.BooleanCellValue
  | Excel.EmptyCellValue;

/**
 * A value as a typed cell value. The Range.values reference (office-js-docs-reference
 * docs/docs-ref-autogen/excel/excel/excel.range.yml, `values`) says a string starting with "=",
 * "+" or "-" is interpreted as a formula, and says nothing that stops "2009-10" becoming a date.
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

/**
 * Writes values and number formats to a range. Typed: valuesAsJson (documented, above). Plain, for
 * Excel before ExcelApi 1.16: the Text format first, then values; Microsoft documents the Text
 * format keeping typed entries as text, not Range.values (an assumption: tests/fake-excel/README.md).
 */
export function writeValues(
  range: Excel.Range,
  values: Plain[][],
  numberFormat: string[][],
  typed: boolean
): void {
  if (typed) {
    // Values, then formats: the formats are what the plan asks for, whatever writing a value does.
    range.valuesAsJson = values.map((row) => row.map(typedValue));
    range.numberFormat = numberFormat;
  } else {
    range.numberFormat = numberFormat; // Text before the text arrives (the assumption above)
    range.values = values;
  }
}

/** The size of a block's values and formats as sent. */
function rowBytes(values: Plain[], formats: string[], typed: boolean): number {
  const sent: unknown = typed ? values.map(typedValue) : values;
  return JSON.stringify(sent).length + JSON.stringify(formats).length;
}

/**
 * Plans give column widths in characters (as .xlsx does); Office.js sets them in points. A character
 * of the default font is about 5.7 points, plus a little padding.
 */
export function columnWidthPoints(characters: number): number {
  return Math.round(characters * 5.7 + 5);
}

/** Text cells get the Text format ("@"), so that a person editing one later is not second-guessed. */
export const TEXT_FORMAT = "@";

export function cellBlocks(sheet: PlanSheet, maxBlockBytes: number, typed = true): CellBlock[] {
  if (sheet.cells.length === 0) return [];
  // reduce, not Math.max(...cells): a spread of a large sheet's cells overflows the stack
  const rows = sheet.cells.reduce((m, c) => Math.max(m, c.row), 0) + 1;
  const cols = sheet.cells.reduce((m, c) => Math.max(m, c.col), 0) + 1;
  const values: (string | number)[][] = Array.from({ length: rows }, () =>
    new Array<string | number>(cols).fill("")
  );
  const formats: string[][] = Array.from({ length: rows }, () =>
    new Array<string>(cols).fill("General")
  );
  for (const c of sheet.cells) {
    const row = values[c.row] as (string | number)[];
    const fmt = formats[c.row] as string[];
    if (typeof c.value === "string") {
      row[c.col] = c.value;
      fmt[c.col] = TEXT_FORMAT;
    } else if (typeof c.value === "number") {
      row[c.col] = c.value;
      fmt[c.col] = c.numFmt ?? "General";
    }
  }
  const blocks: CellBlock[] = [];
  let start = 0;
  while (start < rows) {
    let end = start;
    let bytes = 0;
    while (end < rows) {
      const size = rowBytes(values[end] as Plain[], formats[end] as string[], typed);
      if (end > start && bytes + size > maxBlockBytes) break;
      bytes += size;
      end++;
    }
    blocks.push({
      address: `A${start + 1}:${a1(end - 1, cols - 1)}`,
      values: values.slice(start, end),
      numberFormat: formats.slice(start, end),
      typed,
      bytes: bytes + 200,
    });
    start = end;
  }
  return blocks;
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
