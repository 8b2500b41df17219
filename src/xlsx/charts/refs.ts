/**
 * Sheet-qualified cell references as charts store them in c:f: `'Priority 1 Tom''s'!$C$41:$C$52`.
 * A chart formula that names a sheet wrongly does not fail to open: the chart silently draws its
 * cache in Excel and nothing in LibreOffice. So refs are checked here, before anything is written.
 */

/** Names that must be quoted look like a cell ref, start with a digit, or hold anything but word chars. */
function needsQuotes(sheetName: string): boolean {
  if (!/^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheetName)) return true;
  // "A1", "XFD1048576" or R1C1-style names would be read as references.
  return (
    /^[A-Za-z]{1,3}[0-9]+$/.test(sheetName) || /^[RrCc]([0-9]+)?([RrCc]([0-9]+)?)?$/.test(sheetName)
  );
}

/** Quotes a sheet name for a formula: apostrophes doubled, the whole in single quotes when needed. */
export function quoteSheetName(sheetName: string): string {
  return needsQuotes(sheetName) ? `'${sheetName.replace(/'/g, "''")}'` : sheetName;
}

/** Column number (1-based) to letters: 1 -> A, 28 -> AB. */
export function columnLetters(col: number): string {
  let n = col;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/**
 * An absolute sheet-qualified ref from 1-based row and column numbers, e.g.
 * sheetRange("Priority 1", 3, 41, 3, 52) -> "'Priority 1'!$C$41:$C$52". The end may be omitted for one cell.
 */
export function sheetRange(
  sheetName: string,
  col1: number,
  row1: number,
  col2?: number,
  row2?: number
): string {
  const first = `$${columnLetters(col1)}$${row1}`;
  const single = col2 === undefined || row2 === undefined || (col2 === col1 && row2 === row1);
  return `${quoteSheetName(sheetName)}!${first}${single ? "" : `:$${columnLetters(col2)}$${row2}`}`;
}

export interface ParsedRef {
  sheetName: string;
  /** Number of cells in the range. */
  cells: number;
  /** True when the range is one row or one column (a chart range must be). */
  oneDimensional: boolean;
}

const REF =
  /^(?:'((?:[^']|'')+)'|([A-Za-z_][A-Za-z0-9_.]*))!\$?([A-Za-z]{1,3})\$?([0-9]+)(?::\$?([A-Za-z]{1,3})\$?([0-9]+))?$/;

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Parses a sheet-qualified ref; returns undefined when it is not one. */
export function parseRef(ref: string): ParsedRef | undefined {
  const m = REF.exec(ref);
  if (!m) return undefined;
  const sheetName = m[1] !== undefined ? m[1].replace(/''/g, "'") : (m[2] ?? "");
  const c1 = columnNumber(m[3] ?? "");
  const r1 = Number(m[4]);
  const c2 = m[5] !== undefined ? columnNumber(m[5]) : c1;
  const r2 = m[6] !== undefined ? Number(m[6]) : r1;
  if (r1 < 1 || r2 < 1 || c1 > 16384 || c2 > 16384 || r1 > 1048576 || r2 > 1048576)
    return undefined;
  const width = Math.abs(c2 - c1) + 1;
  const height = Math.abs(r2 - r1) + 1;
  return { sheetName, cells: width * height, oneDimensional: width === 1 || height === 1 };
}
