import { CoreError, isValidYmd, serialToYmd } from "../core";

/**
 * Excel argument coercion, in one place. Arguments arrive as Excel passes "any" parameters: a
 * scalar, or a matrix (rows of cells) for a range; blank cells as null, undefined or "".
 * Error values inside a range arrive as objects carrying an Excel error code (our functions.json
 * sets allowErrorForDataTypeAny so Excel hands them to us instead of short-circuiting). Everything
 * that is not a number where a number belongs is a #VALUE! with a sentence naming the cell.
 */
export type ExcelArg = unknown;

function isBlank(v: unknown): boolean {
  return v === null || v === undefined || v === "";
}

/** Reads the error code from an error value Excel passed in ("#REF!"), or null. */
export function errorCodeOf(v: unknown): string | null {
  if (typeof v !== "object" || v === null) return null;
  const code =
    (v as { code?: unknown; errorCode?: unknown }).code ?? (v as { errorCode?: unknown }).errorCode;
  return typeof code === "string" ? code : "an error value";
}

function where(row: number, col: number, rows: number, cols: number): string {
  if (rows === 1 && cols === 1) return "";
  if (cols === 1) return ` (row ${row + 1} of the range)`;
  if (rows === 1) return ` (column ${col + 1} of the range)`;
  return ` (row ${row + 1}, column ${col + 1} of the range)`;
}

function describe(v: unknown): string {
  if (typeof v === "string") return `the text "${v.length > 30 ? `${v.slice(0, 30)}…` : v}"`;
  if (typeof v === "boolean") return `the logical value ${v ? "TRUE" : "FALSE"}`;
  const code = errorCodeOf(v);
  return code === null ? "a value that is not a number" : `the error ${code}`;
}

/** Calls `visit` for every cell of a scalar or matrix argument, with its position. */
function eachCell(
  arg: ExcelArg,
  visit: (v: unknown, row: number, col: number, rows: number, cols: number) => void
): void {
  if (!Array.isArray(arg)) {
    visit(arg, 0, 0, 1, 1);
    return;
  }
  const rows = arg.length;
  for (let r = 0; r < rows; r++) {
    const row: unknown = arg[r];
    if (!Array.isArray(row)) {
      visit(row, r, 0, rows, 1);
      continue;
    }
    const cols = row.length;
    for (let c = 0; c < cols; c++) visit(row[c], r, c, rows, cols);
  }
}

export interface NumberList {
  values: number[];
  /** True when every cell was blank. */
  empty: boolean;
}

/** The numbers of an argument, blanks skipped; text, logical and error values rejected. */
export function numbersOf(arg: ExcelArg, name: string): NumberList {
  const values: number[] = [];
  eachCell(arg, (v, r, c, rows, cols) => {
    if (isBlank(v)) return;
    if (typeof v === "number" && Number.isFinite(v)) {
      values.push(v);
      return;
    }
    throw new CoreError(
      "VALUE",
      `${name} must hold numbers, but has ${describe(v)}${where(r, c, rows, cols)}.`
    );
  });
  return { values, empty: values.length === 0 };
}

export type EmptyRule = "zero" | "error";

/**
 * Excel SUM of an argument. An all-blank argument is missing data, not a zero: by default it is a
 * #N/A; a denominator may ask for SUM's 0 so that its documented #DIV/0! follows.
 */
export function sumOf(arg: ExcelArg, name: string, whenEmpty: EmptyRule = "error"): number {
  const { values, empty } = numbersOf(arg, name);
  if (empty && whenEmpty === "error") {
    throw new CoreError("NA", `${name} has no numbers: every cell is blank.`);
  }
  let s = 0;
  for (const v of values) s += v;
  return s;
}

/** A single optional number: blank or omitted gives the default. */
export function optionalNumber(arg: ExcelArg, name: string, fallback: number): number {
  const { values, empty } = numbersOf(arg, name);
  if (empty) return fallback;
  if (values.length > 1) throw new CoreError("VALUE", `${name} must be a single number.`);
  return values[0] as number;
}

/** A single optional piece of text: blank or omitted gives the default. */
export function optionalText(arg: ExcelArg, name: string, fallback: string): string {
  const cells: unknown[] = [];
  eachCell(arg, (v) => {
    if (!isBlank(v)) cells.push(v);
  });
  if (cells.length === 0) return fallback;
  const v = cells[0];
  if (cells.length > 1) throw new CoreError("VALUE", `${name} must be a single value.`);
  if (typeof v === "string") return v;
  if (typeof v === "number") return String(v);
  throw new CoreError("VALUE", `${name} must be text, but is ${describe(v)}.`);
}

/** A date: a real Excel date serial. Text that looks like a date is refused with a clear sentence. */
export function dateOf(arg: ExcelArg, name: string): number {
  const cells: unknown[] = [];
  eachCell(arg, (v) => cells.push(v));
  if (cells.length !== 1)
    throw new CoreError("VALUE", `${name} must be a single date, not a range.`);
  const v = cells[0];
  if (isBlank(v)) throw new CoreError("VALUE", `${name} is blank: give a date.`);
  if (typeof v === "string") {
    throw new CoreError(
      "VALUE",
      `${name} is the text "${v}", not a date: enter it as a date (for example =DATE(2010,6,30)).`
    );
  }
  if (typeof v !== "number" || !Number.isFinite(v))
    throw new CoreError("VALUE", `${name} must be a date, but is ${describe(v)}.`);
  if (!isValidYmd(safeYmd(v)))
    throw new CoreError("VALUE", `${name} (${v}) is not a date Excel can show.`);
  return Math.floor(v);
}

function safeYmd(serial: number) {
  try {
    return serialToYmd(serial);
  } catch {
    return { year: 0, month: 0, day: 0 };
  }
}

/** The cells of a one-column or one-row range (or a whole matrix read row by row), blanks kept. */
export function cellsOf(arg: ExcelArg): unknown[] {
  const out: unknown[] = [];
  eachCell(arg, (v) => out.push(v));
  return out;
}

/** Text and numbers of a cell as an id ("A12", 1043); other values are rejected. */
export function idOf(v: unknown, name: string, index: number): string {
  if (typeof v === "string") return v;
  if (typeof v === "number" && Number.isFinite(v)) return String(v);
  throw new CoreError(
    "VALUE",
    `${name} must hold ids (text or numbers), but cell ${index + 1} has ${describe(v)}.`
  );
}

export { isBlank };

/**
 * A time series from a one-row or one-column range, in order. Blank cells before the first value
 * and after the last are months not reported, and are skipped; a blank between values is a month
 * with no data (never a zero), and text, logical or error values are not counts: both are #VALUE!
 * naming the cell's position.
 */
export function seriesOf(arg: ExcelArg, name: string): number[] {
  const rows = Array.isArray(arg) ? arg.length : 1;
  // A loop, not Math.max(...rows): a whole column is a million rows, too many arguments to spread.
  let cols = 1;
  if (Array.isArray(arg))
    for (const r of arg) cols = Math.max(cols, Array.isArray(r) ? r.length : 1);
  if (rows > 1 && cols > 1) {
    throw new CoreError(
      "VALUE",
      `${name} must be one row or one column of values in time order, not a block of ${rows} rows by ${cols} columns.`
    );
  }
  const cells: unknown[] = [];
  eachCell(arg, (v) => cells.push(v));
  // One row or one column: the i-th cell's position, worded only when there is an error to report.
  const at = (i: number) => (rows > 1 ? where(i, 0, rows, cols) : where(0, i, rows, cols));
  let first = 0;
  let last = cells.length - 1;
  while (first <= last && isBlank(cells[first])) first++;
  while (last >= first && isBlank(cells[last])) last--;
  const values: number[] = [];
  for (let i = first; i <= last; i++) {
    const v = cells[i];
    if (typeof v === "number" && Number.isFinite(v)) values.push(v);
    else if (isBlank(v))
      throw new CoreError(
        "VALUE",
        `${name} has a blank cell between values${at(i)}: a month with no data is missing, not zero. Fill it in, or start the range after it.`
      );
    else throw new CoreError("VALUE", `${name} must hold numbers, but has ${describe(v)}${at(i)}.`);
  }
  return values;
}

/** An optional whole number, or undefined when blank or omitted. */
export function optionalCount(arg: ExcelArg, name: string): number | undefined {
  const { values, empty } = numbersOf(arg, name);
  if (empty) return undefined;
  if (values.length > 1) throw new CoreError("VALUE", `${name} must be a single number.`);
  return values[0];
}
