import { Cell, Grid, WorkbookSnapshot, a1, describeCell, isCellError } from "./snapshot";
import { IssueList } from "./issues";
import { Ymd, isValidYmd, serialToYmd } from "../core";

/** The contract's tables and their columns (spec/workbook.md). Headers match case-insensitively. */
export const TABLE_SPECS = {
  Settings: { required: ["Setting", "Value"], optional: [] },
  Measures: {
    required: [
      "Measure",
      "Label",
      "Priority",
      "Polarity",
      "Target",
      "Target value",
      "Tolerance",
      "Figure",
    ],
    optional: [],
  },
  Monthly: { required: ["Measure", "Month", "Count"], optional: [] },
  Peers: {
    required: ["Measure", "Period end", "Partnership", "Rate"],
    optional: ["Count", "Population"],
  },
  MARAC: { required: ["Period", "Area", "Cases", "Repeat cases"], optional: [] },
  Referrals: { required: ["Period", "Area", "Referrals"], optional: [] },
  // Optional, together (spec/areas.md): the partnership's LSOAs and their monthly counts.
  Areas: { required: ["Area code", "Area name", "Longitude", "Latitude"], optional: [] },
  AreaMonthly: { required: ["Area code", "Measure", "Month", "Count"], optional: [] },
} as const;

export type TableName = keyof typeof TABLE_SPECS;
export const TABLE_NAMES = Object.keys(TABLE_SPECS) as TableName[];

export interface Where {
  sheet: string;
  cell: string;
}

/** One data row of a table, with the address of each of its cells. */
export class RowView {
  constructor(
    private readonly grid: Grid,
    private readonly columns: Map<string, number>,
    /** Index into grid.rows (1 = first data row). */
    readonly rowIndex: number
  ) {}

  get(column: string): Cell {
    const c = this.columns.get(column.toLowerCase());
    if (c === undefined) return null;
    return this.grid.rows[this.rowIndex]?.[c] ?? null;
  }

  has(column: string): boolean {
    return this.columns.has(column.toLowerCase());
  }

  at(column: string): Where {
    const c = this.columns.get(column.toLowerCase()) ?? 0;
    return {
      sheet: this.grid.sheet,
      cell: a1(this.grid.origin.row + this.rowIndex, this.grid.origin.col + c),
    };
  }
}

export interface TableView {
  grid: Grid;
  rows: RowView[];
  header: Where;
  /** The address of a column's header cell. */
  headerAt(column: string): Where;
}

/** Blank: no value, or text of spaces only (a cleared cell, or a formula returning ""). */
export const blank = (c: Cell | undefined): boolean =>
  c === null || c === undefined || (typeof c === "string" && c.trim() === "");

/** Finds a contract table: an Excel table of that name, else a sheet of that name (header in row 1). */
export function findGrid(snapshot: WorkbookSnapshot, name: string): Grid | null {
  const lower = name.toLowerCase();
  return (
    snapshot.tables.find((t) => t.name.toLowerCase() === lower) ??
    snapshot.sheets.find((s) => s.name.toLowerCase() === lower) ??
    null
  );
}

/**
 * Opens a table: checks its columns, indexes them by header, and drops rows blank in every headed
 * column (sheets often carry empty formatted rows below the data, or notes in a column with no
 * header). Returns null when the table cannot be read.
 */
export function openTable(
  snapshot: WorkbookSnapshot,
  name: TableName,
  issues: IssueList,
  required: boolean
): TableView | null {
  const grid = findGrid(snapshot, name);
  if (!grid) {
    if (required) {
      issues.error(
        "TABLE_MISSING",
        name,
        "A1",
        `The workbook has no table or sheet named "${name}". Add it with the columns ${TABLE_SPECS[name].required.join(", ")} (a template: cdrp template).`
      );
    }
    return null;
  }
  const headerRow = grid.rows[0] ?? [];
  const columns = new Map<string, number>();
  headerRow.forEach((h, i) => {
    if (typeof h !== "string" || h.trim() === "") return;
    const key = h.trim().toLowerCase();
    if (columns.has(key)) {
      issues.error(
        "COLUMN_DUPLICATE",
        grid.sheet,
        a1(grid.origin.row, grid.origin.col + i),
        `${name} has two columns headed "${h.trim()}": keep one.`
      );
      return;
    }
    columns.set(key, i);
  });
  const header = { sheet: grid.sheet, cell: a1(grid.origin.row, grid.origin.col) };
  let ok = true;
  // A missing column is reported where it can be added: the first blank header cell, then the next.
  const free = headerRow.map((h, i) => (blank(h) ? i : -1)).filter((i) => i >= 0);
  let after = headerRow.length;
  for (const col of TABLE_SPECS[name].required) {
    if (!columns.has(col.toLowerCase())) {
      ok = false;
      const at = a1(grid.origin.row, grid.origin.col + (free.shift() ?? after++));
      issues.error(
        "COLUMN_MISSING",
        grid.sheet,
        at,
        `${name} has no "${col}" column. Its header row needs: ${TABLE_SPECS[name].required.join(", ")}.`
      );
    }
  }
  if (!ok) return null;
  // A column with a blank header is not data: notes beside the table (a merged block of text, a
  // stray value far to the right) never make a row count, so a row is blank when its headed cells are.
  const headed = headerRow.map((h, i) => (blank(h) ? -1 : i)).filter((i) => i >= 0);
  const rows: RowView[] = [];
  for (let r = 1; r < grid.rows.length; r++) {
    const row = grid.rows[r] ?? [];
    if (headed.every((c) => blank(row[c]))) continue;
    rows.push(new RowView(grid, columns, r));
  }
  if (rows.length === 0 && required) {
    issues.error(
      "TABLE_EMPTY",
      grid.sheet,
      a1(grid.origin.row + 1, grid.origin.col),
      `${name} has a header row but no data below it.`
    );
  }
  const headerAt = (column: string): Where => ({
    sheet: grid.sheet,
    cell: a1(grid.origin.row, grid.origin.col + (columns.get(column.toLowerCase()) ?? 0)),
  });
  return { grid, rows, header, headerAt };
}

/**
 * The largest number the report computes with: past it counts cannot be added exactly, and sums,
 * squares and means could overflow to Infinity. Flagged at the cell, so `validate` and `report`
 * agree and name it.
 */
export const MAX_NUMBER = Number.MAX_SAFE_INTEGER;

function tooLarge(v: number, at: Where, what: string, issues: IssueList): boolean {
  if (Math.abs(v) <= MAX_NUMBER) return false;
  issues.error(
    "NUMBER_TOO_LARGE",
    at.sheet,
    at.cell,
    `${what} is ${v}, too large to compute with: numbers in the report must be at most ${MAX_NUMBER.toLocaleString("en-GB")}.`
  );
  return true;
}

/** Cell readers: each returns the parsed value or null, having reported why not. */
export class CellReader {
  constructor(private readonly issues: IssueList) {}

  private errorValue(row: RowView, column: string): boolean {
    const v = row.get(column);
    if (!isCellError(v)) return false;
    const at = row.at(column);
    this.issues.error(
      "CELL_ERROR",
      at.sheet,
      at.cell,
      `${column} holds the error ${v.error}; replace it with a value (check the formula or the pasted data).`
    );
    return true;
  }

  text(row: RowView, column: string, required: boolean, context: string): string | null {
    if (this.errorValue(row, column)) return null;
    const v = row.get(column);
    if (blank(v)) {
      if (required) {
        const at = row.at(column);
        this.issues.error("VALUE_MISSING", at.sheet, at.cell, `${context}: ${column} is blank.`);
      }
      return null;
    }
    if (typeof v === "string") return v.trim();
    if (typeof v === "number") return String(v);
    const at = row.at(column);
    this.issues.error(
      "VALUE_MISSING",
      at.sheet,
      at.cell,
      `${context}: ${column} should be text, not ${describeCell(v)}.`
    );
    return null;
  }

  /** A recorded count: a whole number, 0 or more. */
  count(row: RowView, column: string, context: string): number | null {
    if (this.errorValue(row, column)) return null;
    const v = row.get(column);
    const at = row.at(column);
    if (blank(v)) {
      this.issues.error(
        "VALUE_MISSING",
        at.sheet,
        at.cell,
        `${context}: ${column} is blank. A month with no crimes is 0; a month with no data should have no row.`
      );
      return null;
    }
    if (typeof v !== "number") {
      this.issues.error(
        "COUNT_NOT_NUMBER",
        at.sheet,
        at.cell,
        `${context}: ${column} must be a number, but is ${describeCell(v)}.`
      );
      return null;
    }
    if (v < 0) {
      this.issues.error(
        "COUNT_NEGATIVE",
        at.sheet,
        at.cell,
        `${context}: ${column} is ${v}; a count cannot be negative.`
      );
      return null;
    }
    if (tooLarge(v, at, `${context}: ${column}`, this.issues)) return null;
    if (!Number.isInteger(v)) {
      this.issues.error(
        "COUNT_NOT_INTEGER",
        at.sheet,
        at.cell,
        `${context}: ${column} is ${v}; a count must be a whole number.`
      );
      return null;
    }
    return v;
  }

  /** Any finite number (rates, populations, target values). */
  number(
    row: RowView,
    column: string,
    required: boolean,
    context: string,
    code: "TARGET_VALUE_INVALID" | "TOLERANCE_INVALID" | "PEER_RATE_INVALID" | "COUNT_NOT_NUMBER"
  ): number | null {
    if (this.errorValue(row, column)) return null;
    const v = row.get(column);
    const at = row.at(column);
    if (blank(v)) {
      if (required)
        this.issues.error("VALUE_MISSING", at.sheet, at.cell, `${context}: ${column} is blank.`);
      return null;
    }
    if (typeof v === "number" && Number.isFinite(v))
      return tooLarge(v, at, `${context}: ${column}`, this.issues) ? null : v;
    this.issues.error(
      code,
      at.sheet,
      at.cell,
      `${context}: ${column} must be a number, but is ${describeCell(v)}.`
    );
    return null;
  }

  /** A real Excel date (a serial number). Text that looks like a date is refused: it sorts and compares wrongly. */
  date(row: RowView, column: string, context: string): { serial: number; ymd: Ymd } | null {
    if (this.errorValue(row, column)) return null;
    const v = row.get(column);
    const at = row.at(column);
    return readDate(v, at, `${context}: ${column}`, this.issues);
  }
}

export function readDate(
  v: Cell,
  at: Where,
  what: string,
  issues: IssueList
): { serial: number; ymd: Ymd } | null {
  if (blank(v)) {
    issues.error("VALUE_MISSING", at.sheet, at.cell, `${what} is blank; enter a date.`);
    return null;
  }
  if (typeof v === "string") {
    issues.error(
      "DATE_AS_TEXT",
      at.sheet,
      at.cell,
      `${what} is the text "${v}", not a date. Re-enter it as a date (Excel shows dates right-aligned), for example with =DATE(2010,6,30).`
    );
    return null;
  }
  if (typeof v === "number" && Number.isFinite(v) && v >= 1 && v < 2_958_466) {
    const ymd = serialToYmd(v);
    if (isValidYmd(ymd)) return { serial: Math.floor(v), ymd };
  }
  if (isCellError(v)) {
    issues.error(
      "CELL_ERROR",
      at.sheet,
      at.cell,
      `${what} holds the error ${v.error}; replace it with a date.`
    );
    return null;
  }
  issues.error(
    "DATE_INVALID",
    at.sheet,
    at.cell,
    `${what} is ${describeCell(v)}, which is not a date.`
  );
  return null;
}
