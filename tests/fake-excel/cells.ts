/** What range writes do to the cells: values with Excel's coercion, formats, clearing, merging. */
import { Rect, contains, fullAddress, cellA1, intersects, rectCells } from "./address";
import { CellValue, coerceInput, formulaValue } from "./coerce";
import { Engine } from "./context";
import { notImplemented, richError } from "./errors";
import {
  CellModel,
  CellStyle,
  RangeRefModel,
  SheetModel,
  cellKey,
  forStoredCells,
  getCell,
  pruneCell,
  touchCell,
} from "./model";

const MAX_STYLED_CELLS = 1 << 21;

function shapeOf(rect: Rect): [number, number] {
  return [rect.r1 - rect.r0 + 1, rect.c1 - rect.c0 + 1];
}

/** A written 2-D array (or one scalar for the whole range) as a cell-by-cell getter. */
function grid(input: unknown, rect: Rect, location: string): (i: number, j: number) => unknown {
  const [rows, cols] = shapeOf(rect);
  if (!Array.isArray(input)) {
    if (typeof input === "object" && input !== null) throw richError("InvalidArgument", location);
    return () => input;
  }
  if (input.length !== rows || !input.every((row) => Array.isArray(row) && row.length === cols))
    throw richError(
      "InvalidArgument",
      location,
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${rows} x ${cols}).`
    );
  return (i, j) => (input[i] as unknown[])[j];
}

function checkCellInput(v: unknown, location: string): void {
  if (v === null || typeof v === "number" || typeof v === "boolean") return;
  if (typeof v === "string") {
    if (v.length > 32767)
      throw richError("InvalidArgument", location, "A cell can hold at most 32,767 characters.");
    return;
  }
  throw richError(
    "InvalidArgument",
    location,
    "A cell value must be a string, number, Boolean or null."
  );
}

/** Range.values / Range.formulas: Excel's reading of each written value, in the cell's format. */
export function writeCells(
  engine: Engine,
  ref: RangeRefModel,
  input: unknown,
  location: string
): void {
  const { sheet, rect } = ref;
  const at = grid(input, rect, location);
  const [rows, cols] = shapeOf(rect);
  if (rows * cols > MAX_STYLED_CELLS) throw notImplemented(`writing ${rows * cols} cells at once`);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) checkCellInput(at(i, j), location);
  for (let i = 0; i < rows; i++)
    for (let j = 0; j < cols; j++) {
      const r = rect.r0 + i;
      const c = rect.c0 + j;
      const format = getCell(sheet, r, c)?.numberFormat ?? "General";
      const coerced = coerceInput(at(i, j), format, engine.currentYear, engine.textFormatKeepsText);
      if (coerced.kind === "unchanged") continue;
      const cell = touchCell(sheet, r, c);
      if (coerced.kind === "formula") {
        cell.formula = coerced.formula;
        cell.value = formulaValue(coerced.formula);
        engine.recordFormula(sheet.name, cellA1(r, c), coerced.formula);
      } else {
        delete cell.formula;
        cell.value = coerced.value;
        if (coerced.format && (cell.numberFormat ?? "General") === "General")
          cell.numberFormat = coerced.format;
      }
      pruneCell(sheet, r, c);
    }
}

/**
 * Range.valuesAsJson: each cell's value with its type (office-js-docs-reference excel.range.yml
 * `valuesAsJson`, excel.stringcellvalue.yml): a String is stored as that string, never read as a
 * number, date or formula. Only the basic types the host writes are modelled.
 */
export function writeTypedCells(ref: RangeRefModel, input: unknown, location: string): void {
  const { sheet, rect } = ref;
  const at = grid(input, rect, location);
  const [rows, cols] = shapeOf(rect);
  const values: CellValue[][] = [];
  for (let i = 0; i < rows; i++) {
    const row: CellValue[] = [];
    for (let j = 0; j < cols; j++) {
      const v = at(i, j) as { type?: unknown; basicValue?: unknown } | null;
      if (typeof v !== "object" || v === null) throw richError("InvalidArgument", location);
      const b = v.basicValue;
      if (v.type === "String" && typeof b === "string" && b.length <= 32767) row.push(b);
      else if (v.type === "Double" && typeof b === "number" && Number.isFinite(b)) row.push(b);
      else if (v.type === "Boolean" && typeof b === "boolean") row.push(b);
      else if (v.type === "Empty" && (b === undefined || b === "")) row.push(null);
      else if (
        typeof v.type === "string" &&
        ["String", "Double", "Boolean", "Empty"].includes(v.type)
      )
        throw richError("InvalidArgument", location);
      else throw notImplemented(`valuesAsJson of type ${String(v.type)}`);
    }
    values.push(row);
  }
  for (let i = 0; i < rows; i++)
    for (let j = 0; j < cols; j++) {
      const cell = touchCell(sheet, rect.r0 + i, rect.c0 + j);
      delete cell.formula;
      cell.value = (values[i] as CellValue[])[j] as CellValue;
      pruneCell(sheet, rect.r0 + i, rect.c0 + j);
    }
}

/** Range.numberFormat: a 2-D array of format codes (null leaves a cell alone) or one for all. */
export function writeNumberFormat(ref: RangeRefModel, input: unknown, location: string): void {
  const { sheet, rect } = ref;
  const at = grid(input, rect, location);
  const [rows, cols] = shapeOf(rect);
  if (rows * cols > MAX_STYLED_CELLS)
    throw notImplemented(`formatting ${rows * cols} cells at once`);
  for (let i = 0; i < rows; i++)
    for (let j = 0; j < cols; j++) {
      const f = at(i, j);
      if (f !== null && typeof f !== "string") throw richError("InvalidArgument", location);
    }
  for (let i = 0; i < rows; i++)
    for (let j = 0; j < cols; j++) {
      const f = at(i, j);
      if (f === null) continue;
      touchCell(sheet, rect.r0 + i, rect.c0 + j).numberFormat =
        f === "" ? "General" : (f as string);
      pruneCell(sheet, rect.r0 + i, rect.c0 + j);
    }
}

/** Sets one style property on every cell of a range. */
export function writeStyle(
  ref: RangeRefModel,
  update: (style: CellStyle, r: number, c: number) => void
): void {
  const { sheet, rect } = ref;
  if (rectCells(rect) > MAX_STYLED_CELLS)
    throw notImplemented(`formatting ${rectCells(rect)} cells at once`);
  for (let r = rect.r0; r <= rect.r1; r++)
    for (let c = rect.c0; c <= rect.c1; c++) {
      const cell = touchCell(sheet, r, c);
      cell.style ??= {};
      update(cell.style, r, c);
    }
}

/** The common value of a property over a range, or null when cells differ (as Excel reports). */
export function uniform<T>(ref: RangeRefModel, get: (cell: CellModel | undefined) => T): T | null {
  const { sheet, rect } = ref;
  let seen = 0;
  let first: { v: T } | null = null;
  let mixed = false;
  forStoredCells(sheet, rect, (cell) => {
    seen++;
    const v = get(cell);
    if (!first) first = { v };
    else if (JSON.stringify(first.v) !== JSON.stringify(v)) mixed = true;
  });
  if (seen < rectCells(rect)) {
    const v = get(undefined);
    if (!first) first = { v };
    else if (JSON.stringify((first as { v: T }).v) !== JSON.stringify(v)) mixed = true;
  }
  return mixed || !first ? null : (first as { v: T }).v;
}

export function clearRange(ref: RangeRefModel, applyTo: unknown): void {
  const mode = applyTo === undefined || applyTo === null ? "All" : applyTo;
  if (
    !["All", "Formats", "Contents", "Hyperlinks", "RemoveHyperlinks", "ResetContents"].includes(
      mode as string
    )
  )
    throw richError("InvalidArgument", "Range.clear");
  const { sheet, rect } = ref;
  const contents = mode === "All" || mode === "Contents" || mode === "ResetContents";
  const formats = mode === "All" || mode === "Formats";
  const touched: [number, number][] = [];
  forStoredCells(sheet, rect, (cell, r, c) => {
    if (contents) {
      cell.value = null;
      delete cell.formula;
    }
    if (formats) {
      delete cell.style;
      delete cell.numberFormat;
    }
    touched.push([r, c]);
  });
  for (const [r, c] of touched) pruneCell(sheet, r, c);
  if (formats) sheet.merges = sheet.merges.filter((m) => !intersects(m, rect));
}

/** Range.merge: the top-left value stays, the other values go (Excel warns; the API does not). */
export function mergeRange(ref: RangeRefModel, across: boolean): void {
  const { sheet, rect } = ref;
  const areas: Rect[] = across
    ? Array.from({ length: rect.r1 - rect.r0 + 1 }, (_, i) => ({
        ...rect,
        r0: rect.r0 + i,
        r1: rect.r0 + i,
      }))
    : [rect];
  for (const area of areas) {
    if (rectCells(area) === 1) continue;
    // Existing merges that overlap are absorbed when they lie inside, refused when they straddle.
    for (const m of sheet.merges)
      if (intersects(m, area) && !contains(area, m))
        throw richError(
          "InvalidOperation",
          "Range.merge",
          "Cannot merge across an existing merged area."
        );
    sheet.merges = sheet.merges.filter((m) => !intersects(m, area));
    forStoredCells(sheet, area, (cell, r, c) => {
      if (r === area.r0 && c === area.c0) return;
      cell.value = null;
      delete cell.formula;
    });
    sheet.merges.push(area);
  }
}

export function unmergeRange(ref: RangeRefModel): void {
  ref.sheet.merges = ref.sheet.merges.filter((m) => !intersects(m, ref.rect));
}

export function cellValueOut(v: CellValue): string | number | boolean {
  if (v === null) return "";
  if (typeof v === "object") return v.error;
  return v;
}

export function valueType(v: CellValue): Excel.RangeValueType | `${Excel.RangeValueType}` {
  if (v === null) return "Empty";
  if (typeof v === "number") return "Double";
  if (typeof v === "boolean") return "Boolean";
  if (typeof v === "string") return "String";
  return "Error";
}

export function rangeAddress(ref: RangeRefModel): string {
  return fullAddress(ref.sheet.name, ref.rect);
}

/** A matrix of one property over a range, for loads. */
export function matrix<T>(
  sheet: SheetModel,
  rect: Rect,
  get: (cell: CellModel | undefined) => T
): T[][] {
  const [rows, cols] = shapeOf(rect);
  const out: T[][] = [];
  for (let i = 0; i < rows; i++) {
    const row: T[] = new Array<T>(cols);
    for (let j = 0; j < cols; j++) row[j] = get(sheet.cells.get(cellKey(rect.r0 + i, rect.c0 + j)));
    out.push(row);
  }
  return out;
}
