/**
 * What a host reads from a workbook: the contract's tables as cell grids with their addresses.
 * Both hosts (Office.js and .xlsx) produce exactly this, so validation and the report never know
 * which one ran. Dates arrive as Excel serial numbers; error values as { error: "#REF!" }.
 */
export interface CellError {
  error: string;
}

export type Cell = number | string | boolean | null | CellError;

export interface Grid {
  /** The table's name (a ListObject) or the sheet's name (a sheet read as a table). */
  name: string;
  sheet: string;
  source: "table" | "sheet";
  /** Zero-based row and column of the header row's first cell. */
  origin: { row: number; col: number };
  /** Header row first, then the data rows; rows may be ragged. */
  rows: Cell[][];
}

export interface WorkbookSnapshot {
  /** Every worksheet, in tab order. */
  sheetNames: string[];
  /** Excel tables (ListObjects) whose names are in the contract. */
  tables: Grid[];
  /** Sheets named like a contract table, read from A1, for files that have no tables. */
  sheets: Grid[];
  /** Sheets an earlier run generated (they carry the report marker): replaced on the next run. */
  reportSheets: string[];
}

export function isCellError(c: Cell | undefined): c is CellError {
  return typeof c === "object" && c !== null && "error" in c;
}

/** Zero-based column index -> "A", "Z", "AA". */
export function columnLetter(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Zero-based row and column -> "B7". */
export function a1(row: number, col: number): string {
  return `${columnLetter(col)}${row + 1}`;
}

/** "B7" -> zero-based { row, col }; "$B$7" accepted. */
export function parseA1(ref: string): { row: number; col: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/i.exec(ref.trim());
  if (!m) throw new Error(`Not a cell address: ${ref}`);
  let col = 0;
  for (const ch of (m[1] as string).toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/** A sheet name quoted for a formula or chart reference: 'Priority 1'!$B$2:$B$13. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** "B2:D13" -> "$B$2:$D$13" */
export function absoluteRange(range: string): string {
  return range
    .split(":")
    .map((r) => {
      const { row, col } = parseA1(r);
      return `$${columnLetter(col)}$${row + 1}`;
    })
    .join(":");
}

/** A plain-text description of a cell's value for messages: "the text "abc"", "the error #REF!". */
export function describeCell(c: Cell | undefined): string {
  if (c === null || c === undefined || c === "") return "a blank cell";
  if (isCellError(c)) return `the error ${c.error}`;
  if (typeof c === "string") return `the text "${c.length > 40 ? `${c.slice(0, 40)}…` : c}"`;
  if (typeof c === "boolean") return `the logical value ${c ? "TRUE" : "FALSE"}`;
  return `the number ${c}`;
}
