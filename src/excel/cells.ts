import { PlanCell, PlanSheet, PlanStyle, a1 } from "../workbook";

/**
 * A plan sheet's cells as rectangular blocks for Office.js: values and number formats as 2-D arrays
 * over the used area, split by rows so no block is too large for one request.
 */
export interface CellBlock {
  address: string;
  values: (string | number)[][];
  numberFormat: string[][];
  bytes: number;
}

/**
 * Plans give column widths in characters (as .xlsx does); Office.js sets them in points. A character
 * of the default font is about 5.7 points, plus a little padding.
 */
export function columnWidthPoints(characters: number): number {
  return Math.round(characters * 5.7 + 5);
}

/** Text cells get the Text format ("@") so Excel keeps them literally: no formulas, no dates, no numbers. */
export const TEXT_FORMAT = "@";

export function cellBlocks(sheet: PlanSheet, maxBlockBytes: number): CellBlock[] {
  if (sheet.cells.length === 0) return [];
  const rows = Math.max(...sheet.cells.map((c) => c.row)) + 1;
  const cols = Math.max(...sheet.cells.map((c) => c.col)) + 1;
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
      const rowBytes = JSON.stringify(values[end]).length + JSON.stringify(formats[end]).length;
      if (end > start && bytes + rowBytes > maxBlockBytes) break;
      bytes += rowBytes;
      end++;
    }
    blocks.push({
      address: `A${start + 1}:${a1(end - 1, cols - 1)}`,
      values: values.slice(start, end),
      numberFormat: formats.slice(start, end),
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
